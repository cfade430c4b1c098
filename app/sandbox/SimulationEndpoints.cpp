#include "SimulationEndpoints.h"

#include "ActivityCodec.h"
#include "JsonApiBody.h"
#include "JsonApiCodec.h"
#include "SandboxClock.h"
#include "SandboxStore.h"

#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

// What both simulations share: amount, merchant, card digits and the deposit account.
struct SimulatedCardPayment
{
    qint64 amount = 0;
    QString last4Digits;
    Merchant merchant;
    bool recurring = false;
    QString accountId;
};

void readCardPayment(JsonApiBody &body, const char *last4Key, SimulatedCardPayment *payment)
{
    body.requireAttributesObject();
    body.requireRelationshipsObject();
    for (const char *required : {"amount", "merchantName", "merchantType", last4Key}) {
        if (!body.hasAttribute(required))
            body.addError(QStringLiteral("\"%1\" is required.").arg(QLatin1String(required)),
                          JsonApiBody::attributePointer(QLatin1String(required)));
    }
    const std::optional<qint64> amount = body.integer("amount");
    if (amount && *amount <= 0)
        body.addError(QStringLiteral("\"amount\" must be a positive number of cents."),
                      JsonApiBody::attributePointer(QStringLiteral("amount")));
    payment->amount = amount.value_or(0);
    payment->last4Digits = body.string(last4Key, false);
    static const QRegularExpression fourDigits(QStringLiteral("^[0-9]{4}$"));
    if (!payment->last4Digits.isEmpty() && !fourDigits.match(payment->last4Digits).hasMatch())
        body.addError(QStringLiteral("\"%1\" must be 4 digits.").arg(QLatin1String(last4Key)),
                      JsonApiBody::attributePointer(QLatin1String(last4Key)));
    payment->merchant.name = body.string("merchantName", false, 1, 255);
    const std::optional<qint64> type = body.integer("merchantType");
    if (type && (*type < 0 || *type > 9999))
        body.addError(QStringLiteral("\"merchantType\" must be a 4-digit merchant category code."),
                      JsonApiBody::attributePointer(QStringLiteral("merchantType")));
    payment->merchant.type = int(type.value_or(0));
    payment->merchant.location = body.string("merchantLocation", false, 0, 255);
    payment->recurring = body.boolean("recurring").value_or(false);
    if (!body.relationships().contains(QLatin1String("account")))
        body.addError(QStringLiteral("relationships.account is required: the deposit account."),
                      QStringLiteral("/data/relationships/account"));
    else
        payment->accountId =
            body.relationshipId(QStringLiteral("account"), {QStringLiteral("depositAccount")});
}

SandboxResponse accountNotFound(const QString &accountId)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified account with id %1 was not found.").arg(accountId));
}

// The account's card with these last digits; an open one when several share them.
const Card *cardOf(const SandboxStore &store, const QString &accountId, const QString &last4)
{
    const Card *found = nullptr;
    for (const Card &card : store.cards()) {
        if (card.accountId != accountId || card.last4Digits != last4)
            continue;
        if (!found || card.status == CardStatus::Active)
            found = &card;
    }
    return found;
}

SandboxResponse unknownCard(const QString &last4, const char *key)
{
    return SandboxResponse::badRequest(
        QStringLiteral("The account has no card whose last 4 digits are %1.").arg(last4),
        JsonApiBody::attributePointer(QLatin1String(key)));
}

int slotFor(AccountActivity *activity, const Card &card)
{
    AccountActivity::CardRef ref;
    ref.id = card.id;
    ref.last4Digits = card.last4Digits;
    ref.issuedAtMs = card.createdAt.toMSecsSinceEpoch();
    return activity->addCard(ref);
}

} // namespace

SimulationEndpoints::SimulationEndpoints(SandboxStore &store, const SandboxClock &clock)
    : m_store(store)
    , m_clock(clock)
{}

SandboxResponse SimulationEndpoints::createAuthorization(const SandboxRequest &request,
                                                         const Caller &)
{
    JsonApiBody body(request.json, {QStringLiteral("authorization")});
    body.rejectUnknownAttributes({QStringLiteral("amount"), QStringLiteral("cardLast4Digits"),
                                  QStringLiteral("merchantName"), QStringLiteral("merchantType"),
                                  QStringLiteral("merchantLocation"), QStringLiteral("merchantId"),
                                  QStringLiteral("recurring"), QStringLiteral("status")});
    SimulatedCardPayment payment;
    readCardPayment(body, "cardLast4Digits", &payment);
    payment.merchant.id = body.string("merchantId", false, 0, 255);
    const QString status = body.string("status", false);
    if (!status.isEmpty() && status != QLatin1String("Authorized") &&
        status != QLatin1String("Declined"))
        body.addError(QStringLiteral("\"status\" must be Authorized or Declined."),
                      JsonApiBody::attributePointer(QStringLiteral("status")));
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    Account *account = m_store.mutableAccount(payment.accountId);
    if (!account)
        return accountNotFound(payment.accountId);
    const Card *card = cardOf(m_store, account->id, payment.last4Digits);
    if (!card)
        return unknownCard(payment.last4Digits, "cardLast4Digits");
    AccountActivity *activity = m_store.history(account->id);

    Authorization a;
    a.createdAt = m_clock.now();
    a.amount = payment.amount;
    a.cardLast4Digits = card->last4Digits;
    a.merchant = payment.merchant;
    a.recurring = payment.recurring;
    a.cardNetwork = QStringLiteral("Visa");
    a.accountId = account->id;
    a.customerId = account->customerId;
    a.cardId = card->id;
    const bool cardUsable =
        card->status == CardStatus::Active || card->status == CardStatus::ActiveForOnlineUse;
    if (status == QLatin1String("Declined")) {
        a.status = AuthorizationStatus::Declined;
    } else if (account->status == AccountStatus::Closed) {
        a.status = AuthorizationStatus::Declined;
        a.declineReason = QStringLiteral("AccountClosed");
    } else if (!cardUsable) {
        a.status = AuthorizationStatus::Declined;
        a.declineReason = QStringLiteral("RestrictedCard");
    } else if (payment.amount > account->available) {
        a.status = AuthorizationStatus::Declined;
        a.declineReason = QStringLiteral("InsufficientFunds");
    } else {
        a.status = AuthorizationStatus::Authorized;
        account->hold += payment.amount;
        account->available = account->balance - account->hold;
    }
    a.statusName = authorizationStatusName(a.status);
    slotFor(activity, *card);
    const Authorization &added = activity->addAuthorization(a);
    return SandboxResponse::document(201,
                                     JsonApiCodec::singleDocument(ActivityCodec::encode(added)));
}

SandboxResponse SimulationEndpoints::createPurchase(const SandboxRequest &request, const Caller &)
{
    JsonApiBody body(request.json, {QStringLiteral("purchaseTransaction")});
    body.rejectUnknownAttributes({QStringLiteral("amount"), QStringLiteral("direction"),
                                  QStringLiteral("merchantName"), QStringLiteral("merchantType"),
                                  QStringLiteral("merchantLocation"), QStringLiteral("coordinates"),
                                  QStringLiteral("last4Digits"), QStringLiteral("recurring")});
    SimulatedCardPayment payment;
    readCardPayment(body, "last4Digits", &payment);
    const QString directionName = body.string("direction", true);
    const std::optional<Direction> direction = directionFromName(directionName);
    if (!directionName.isEmpty() && !direction)
        body.addError(QStringLiteral("\"direction\" must be Debit or Credit."),
                      JsonApiBody::attributePointer(QStringLiteral("direction")));
    (void)body.object("coordinates");
    QString authorizationId;
    if (body.relationships().contains(QLatin1String("authorization")))
        authorizationId =
            body.relationshipId(QStringLiteral("authorization"), {QStringLiteral("authorization")});
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    Account *account = m_store.mutableAccount(payment.accountId);
    if (!account)
        return accountNotFound(payment.accountId);
    const Card *card = cardOf(m_store, account->id, payment.last4Digits);
    if (!card)
        return unknownCard(payment.last4Digits, "last4Digits");
    AccountActivity *activity = m_store.history(account->id);

    Authorization *settles = nullptr;
    if (!authorizationId.isEmpty()) {
        const QString pointer = QStringLiteral("/data/relationships/authorization");
        settles = activity->authorization(authorizationId);
        if (!settles || settles->cardId != card->id)
            return SandboxResponse::badRequest(
                QStringLiteral("Authorization %1 is not one of this card's.").arg(authorizationId),
                pointer);
        if (settles->status != AuthorizationStatus::Authorized)
            return SandboxResponse::badRequest(
                QStringLiteral("Authorization %1 is %2, not Authorized.")
                    .arg(authorizationId, settles->statusName),
                pointer);
    }
    const qint64 released = settles ? settles->amount : 0;
    if (*direction == Direction::Debit && payment.amount > account->available + released)
        return SandboxResponse::badRequest(
            QStringLiteral("The account's available balance is too small for this purchase."),
            JsonApiBody::attributePointer(QStringLiteral("amount")));

    if (settles) {
        settles->status = AuthorizationStatus::Completed;
        settles->statusName = authorizationStatusName(settles->status);
        account->hold -= released;
    }
    Transaction t;
    t.kind = TransactionKind::Purchase;
    t.createdAt = m_clock.now();
    t.direction = *direction;
    t.amount = payment.amount;
    t.cardId = card->id;
    t.cardLast4Digits = card->last4Digits;
    t.merchant = payment.merchant;
    t.recurring = payment.recurring;
    t.cardPresent = true;
    t.summary =
        QStringLiteral("Purchase from %1 | **%2").arg(payment.merchant.name, card->last4Digits);
    t.authorizationId = authorizationId;
    slotFor(activity, *card);
    const Transaction added = activity->append(t, account->balance);
    account->balance = added.balance.value_or(account->balance);
    account->available = account->balance - account->hold;
    return SandboxResponse::document(201,
                                     JsonApiCodec::singleDocument(ActivityCodec::encode(added)));
}

} // namespace tessera::sandbox
