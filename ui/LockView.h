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

signals:
    void unlockRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QLabel *m_title;
    QPushButton *m_unlock;
};

} // namespace tessera::ui
