#pragma once

#include "ApiError.h"
#include "Card.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace tessera {
class ApiJob;
class Backend;
class CardReplacement;
} // namespace tessera

namespace tessera::ui {

class AddressForm;

// Replaces a card with a new number: the old card stops working. A physical replacement is
// mailed, so the customer confirms where to (the card's shipping address, else their address
// on file); a virtual one needs nothing but confirmation. Needs the cards-write scope, so a
// one-time code may be asked for first. Errors show in the dialog and nothing typed is lost.
// Once replaced, the old card's tags record its replacement (Card::ReplacedByTag), so that it
// is not offered for replacement again, here or after a restart.
class ReplaceCardDialog : public QDialog
{
    Q_OBJECT
public:
    ReplaceCardDialog(Backend *backend, const Card &card, QWidget *parent = nullptr);
    ~ReplaceCardDialog() override;

    // Null for virtual cards.
    AddressForm *addressForm() const { return m_form; }
    bool isBusy() const { return m_busy; }

public slots:
    // Validates, asks for confirmation if needed, replaces; closes once the server agrees.
    void accept() override;
    void reject() override;

signals:
    void cardReplaced(const tessera::Card &newCard);

private:
    void loadCustomerAddress();
    void onReplaceFailed(const ApiError &error);
    void finish(const Card &newCard);
    void onConfirmationCancelled();
    void setBusy(bool busy);
    void showError(const QString &message);

    Backend *m_backend;
    const Card m_card;
    AddressForm *m_form = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_error;
    QLabel *m_busyText;
    QProgressBar *m_busyBar;
    QDialogButtonBox *m_buttons;
    QPushButton *m_replace;
    CardReplacement *m_replacement;
    QPointer<ApiJob> m_customerJob;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace tessera::ui
