#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tessera::ui {

// What the window shows while Tessera is locked: the app's icon, "Tessera is locked" and an
// Unlock button. Nothing about the customer (no name, no card, no balance) is on it.
class LockView : public QWidget
{
    Q_OBJECT
public:
    explicit LockView(QWidget *parent = nullptr);

    QPushButton *unlockButton() const { return m_unlock; }
    // Why unlocking did not start (the code could not be sent); cleared on the next try.
    void showProblem(const QString &message);

signals:
    void unlockRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_problem;
    QPushButton *m_unlock;
};

} // namespace tessera::ui
