#pragma once

#include "Address.h"
#include "ApiError.h"
#include "ApiJob.h"
#include "Card.h"

#include <optional>
#include <QObject>
#include <QPointer>

namespace tessera {

class Backend;

// Replaces a card for the customer, exactly once. Unit's card carries no link to its
// replacement, so after the new card exists the old card's tags get {"replacedBy": <id>}
// (same scope and card as the replace: the token just verified covers it, no second code).
//
// The replace is a non-idempotent POST sent at most once (SingleAttemptReply). When its answer
// is lost (ApiError::Kind::OutcomeUnknown) this does not guess and does not send it again: it
// lists the account's newest cards and compares with the newest one it saw before sending. A
// card of the same kind that was not there before is the replacement; none means nothing was
// replaced; a list that cannot be loaded leaves the outcome unknown, and says so.
class CardReplacement : public QObject
{
    Q_OBJECT
public:
    explicit CardReplacement(Backend *backend, QObject *parent = nullptr);

    // False (nothing sent) while a replacement is on its way.
    bool start(const Card &oldCard, const std::optional<Address> &shippingAddress);
    bool isBusy() const { return m_job != nullptr; }

signals:
    void replaced(const tessera::Card &newCard);
    void failed(const tessera::ApiError &error);
    // The customer gave up the code (or was signed out): nothing was replaced.
    void cancelled();

private:
    void sendReplace();
    void findOutcome(const ApiError &unknown);
    void recordOnOldCard(const Card &newCard);
    ApiJob *newestCardsOnAccount(int limit);
    void finishWith(const std::optional<Card> &newCard, const ApiError &error = {});

    Backend *m_backend;
    Card m_oldCard;
    std::optional<Address> m_shippingAddress;
    // The account's newest card before the replace went out; empty when the account had none
    // or the list could not be loaded (then a lost answer stays unknown).
    QString m_newestBefore;
    bool m_sawAccountBefore = false;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
