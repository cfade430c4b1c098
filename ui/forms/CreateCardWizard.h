#pragma once

#include "Card.h"
#include "Requests.h"

#include <optional>
#include <QPointer>
#include <QWizard>

namespace tessera {
class ApiJob;
class Backend;
} // namespace tessera

namespace tessera::ui {

class CardCreatedPage;
class CardKindPage;
class FundingAccountPage;
class ReviewPage;
class ShippingAddressPage;

// Creates an individual debit card for the signed-in customer: kind, account, shipping address
// (physical cards only), review, result. Creating needs the cards-write scope, so the
// authenticator may ask for a one-time code first; whatever happens there or on the server,
// the wizard stays on the review page with everything the customer entered until the card
// exists. One idempotency key per wizard run makes every retry safe: if an earlier attempt
// did create the card but its answer was lost, the retry gets that same card back.
class CreateCardWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { KindPageId, AccountPageId, AddressPageId, ReviewPageId, ResultPageId };

    explicit CreateCardWizard(Backend *backend, QWidget *parent = nullptr);
    ~CreateCardWizard() override;

    QString idempotencyKey() const { return m_idempotencyKey; }
    bool isSubmitting() const { return m_submitting; }
    std::optional<Card> createdCard() const { return m_createdCard; }
    // What submit() sends, from the pages as they are now.
    CreateCardRequest request() const;

    int nextId() const override;

public slots:
    // Creates the card, or retries after a failure with the same idempotency key. Does nothing
    // while a submit is under way or once the card exists. The review page's "Create card"
    // button calls it.
    void submit();
    void reject() override;

signals:
    void cardCreated(const tessera::Card &card);

protected:
    void initializePage(int id) override;

private:
    bool commit();
    void sendCreateRequest();
    void onCreateFinished();
    void onConfirmationCancelled();
    void finishCreated(const Card &card);
    void setSubmitting(bool submitting);

    Backend *m_backend;
    CardKindPage *m_kindPage;
    FundingAccountPage *m_accountPage;
    ShippingAddressPage *m_addressPage;
    ReviewPage *m_reviewPage;
    CardCreatedPage *m_resultPage;
    const QString m_idempotencyKey;
    QPointer<ApiJob> m_pending;
    std::optional<Card> m_createdCard;
    bool m_submitting = false;
};

} // namespace tessera::ui
