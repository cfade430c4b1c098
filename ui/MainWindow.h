#pragma once

#include <QMainWindow>
#include <QUrl>

class QLabel;

namespace tessera::ui {

// The application window. Until the sign-in and cards pages exist it shows which environment
// the app talks to and whether that environment is reachable.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void setEnvironment(const QString &name, const QUrl &baseUrl);
    void setEnvironmentError(const QString &message);

private:
    QLabel *m_headline;
    QLabel *m_details;
    QLabel *m_statusBadge;
};

} // namespace tessera::ui
