#pragma once

#include "Address.h"

#include <functional>
#include <optional>
#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace tessera::ui {

// The last look before the card is created. Its commit button ("Create card") does not move
// on by itself: validatePage() hands the work to the wizard, which moves on once the server
// has answered.
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);

    void setSummary(const QString &kind, const QString &account,
                    const std::optional<Address> &shippingAddress);
    // Called by validatePage(): returns true once the card exists, else starts creating it.
    void setSubmitHandler(std::function<bool()> handler) { m_submit = std::move(handler); }

    void setBusy(bool busy);
    // While the request is being sent again after a connection problem.
    void showRetrying(int attempt, int maxAttempts, const QString &reason);
    bool isBusy() const { return m_busy; }
    void showError(const QString &message);
    void clearError();

    bool isComplete() const override;
    bool validatePage() override;

private:
    QLabel *m_kind;
    QLabel *m_account;
    QLabel *m_addressLabel;
    QLabel *m_address;
    QLabel *m_confirmNote;
    QLabel *m_error;
    QLabel *m_busyText;
    QProgressBar *m_busyBar;
    std::function<bool()> m_submit;
    bool m_busy = false;
};

} // namespace tessera::ui
