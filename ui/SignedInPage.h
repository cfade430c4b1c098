#pragma once

#include <QWidget>

class QLabel;

namespace tessera {
class Backend;
}

namespace tessera::ui {

// The signed-in customer's home: who they are and what the session allows.
class SignedInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignedInPage(Backend *backend, QWidget *parent = nullptr);

    // Loads the customer's name and accounts for the session that just began.
    void refresh();

private:
    Backend *m_backend;
    QLabel *m_greeting;
    QLabel *m_details;
};

} // namespace tessera::ui
