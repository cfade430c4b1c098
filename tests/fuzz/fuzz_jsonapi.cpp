// libFuzzer target for the JSON:API decoders: every *FromDocument function of JsonApiCodec and
// ActivityCodec and decodeError() get the same bytes. A decode that succeeds is encoded again and
// decoded again, and the key fields must survive; the simdjson fast path for cards
// (FastCardDecoder) must answer exactly as the QJsonDocument decoder or not at all. A mismatch is
// a finding (__builtin_trap), like a sanitizer report or a crash.

#include "ActivityCodec.h"
#include "CardDifferences.h"
#include "FastCardDecoder.h"
#include "JsonApiCodec.h"
#include "JsonApiDocuments.h"
#include "PaddedBody.h"

#include <cstddef>
#include <cstdint>
#include <QBuffer>
#include <QByteArray>
#include <QJsonArray>
#include <QtGlobal>
#include <type_traits>

using namespace tessera;

extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void dropMessage(QtMsgType, const QMessageLogContext &, const QString &) {}

bool sameAddress(const std::optional<Address> &a, const std::optional<Address> &b)
{
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

void checkCard(const Card &card, const Card &again)
{
    check(again.id == card.id);
    check(again.type == card.type);
    if (card.type == CardType::Unknown)
        check(again.typeName == card.typeName);
    check(again.status == card.status);
    if (card.status == CardStatus::Unknown && !card.statusName.isEmpty())
        check(again.statusName == card.statusName);
    check(again.createdAt == card.createdAt);
    check(again.updatedAt == card.updatedAt);
    check(again.last4Digits == card.last4Digits);
    check(again.expirationDate == card.expirationDate);
    check(again.nextExpirationDate == card.nextExpirationDate);
    check(again.bin == card.bin);
    check(again.design == card.design);
    check(again.freezeReason == card.freezeReason);
    check(again.tags == card.tags);
    // Virtual cards are not shipped: encode() leaves their address out on purpose.
    if (!card.isVirtual())
        check(sameAddress(again.shippingAddress, card.shippingAddress));
    check(again.accountId == card.accountId);
    check(again.customerId == card.customerId);
    if (!card.accountId.isEmpty())
        check(again.accountType == card.accountType);
    if (!card.customerId.isEmpty())
        check(again.customerType == card.customerType);
}

void checkAccount(const Account &account, const Account &again)
{
    check(again.id == account.id);
    check(again.type == account.type);
    check(again.name == account.name);
    check(again.createdAt == account.createdAt);
    check(again.updatedAt == account.updatedAt);
    check(again.currency == account.currency);
    check(again.balance == account.balance);
    check(again.hold == account.hold);
    check(again.available == account.available);
    check(again.status == account.status);
    if (account.status == AccountStatus::Unknown && !account.statusName.isEmpty())
        check(again.statusName == account.statusName);
    check(again.routingNumber == account.routingNumber);
    check(again.accountNumber == account.accountNumber);
    check(again.tags == account.tags);
    check(again.customerId == account.customerId);
}

void checkCustomer(const Customer &customer, const Customer &again)
{
    check(again.id == customer.id);
    check(again.type == customer.type);
    check(again.firstName == customer.firstName);
    check(again.lastName == customer.lastName);
    check(again.email == customer.email);
    // encode() writes a phone only when it has a number, an address only when it has a street.
    if (!customer.phone.isEmpty())
        check(again.phone == customer.phone);
    if (!customer.address.street.isEmpty())
        check(again.address == customer.address);
    check(again.dateOfBirth == customer.dateOfBirth);
    check(again.createdAt == customer.createdAt);
    check(again.jwtSubject == customer.jwtSubject);
    check(again.status == customer.status);
    check(again.tags == customer.tags);
}

void checkMerchant(const Merchant &a, const Merchant &b)
{
    check(a.name == b.name && a.type == b.type && a.category == b.category);
    check(a.location == b.location && a.id == b.id);
}

// What encode() writes for every kind; per-kind attributes only for the kinds that have them.
void checkTransaction(const Transaction &t, const Transaction &again)
{
    check(again.id == t.id);
    check(again.kind == t.kind);
    check(again.typeName == t.typeName);
    check(again.createdAt == t.createdAt);
    check(again.direction == t.direction);
    check(again.amount == t.amount && t.amount >= 0);
    check(again.balance == t.balance);
    check(again.summary == t.summary);
    check(again.tags == t.tags);
    check(again.accountId == t.accountId);
    check(again.customerId == t.customerId);
    check(again.authorizationId == t.authorizationId);
    const bool cardKind = t.kind == TransactionKind::Purchase || t.kind == TransactionKind::Atm ||
                          t.kind == TransactionKind::Card ||
                          t.kind == TransactionKind::CardReversal;
    if (cardKind) {
        check(again.cardLast4Digits == t.cardLast4Digits);
        check(again.cardId == t.cardId);
    }
    if (t.kind == TransactionKind::Purchase || t.kind == TransactionKind::Card) {
        check(again.merchant.has_value());
        checkMerchant(again.merchant.value(), t.merchant.value_or(Merchant{}));
        check(again.recurring == t.recurring);
    }
    if (t.kind == TransactionKind::ReceivedAch)
        check(again.counterpartyName == t.counterpartyName);
}

void checkAuthorization(const Authorization &a, const Authorization &again)
{
    check(again.id == a.id);
    check(again.createdAt == a.createdAt);
    check(again.amount == a.amount && a.amount >= 0);
    check(again.status == a.status);
    if (a.status == AuthorizationStatus::Unknown)
        check(again.statusName == a.statusName);
    check(again.declineReason == a.declineReason);
    check(again.cardLast4Digits == a.cardLast4Digits);
    checkMerchant(again.merchant, a.merchant);
    check(again.recurring == a.recurring);
    check(again.tags == a.tags);
    check(again.accountId == a.accountId);
    check(again.customerId == a.customerId);
    check(again.cardId == a.cardId);
}

void checkStatement(const Statement &s, const Statement &again)
{
    check(again.id == s.id && again.typeName == s.typeName && again.period == s.period);
    check(s.periodStart().isValid());
    check(again.accountId == s.accountId && again.customerId == s.customerId);
}

void checkLevelLimits(const CardLevelLimits &a, const CardLevelLimits &b)
{
    check(a.dailyWithdrawal == b.dailyWithdrawal);
    check(a.dailyPurchase == b.dailyPurchase);
    check(a.monthlyWithdrawal == b.monthlyWithdrawal);
    check(a.monthlyPurchase == b.monthlyPurchase);
    check(a.dailyCardTransaction == b.dailyCardTransaction);
    check(a.monthlyCardTransaction == b.monthlyCardTransaction);
}

void checkTotals(const CardTotals &a, const CardTotals &b)
{
    check(a.withdrawals == b.withdrawals);
    check(a.deposits == b.deposits);
    check(a.purchases == b.purchases);
    check(a.cardTransactions == b.cardTransactions);
}

// A page goes back out as the sandbox writes it (listDocument with its included resources).
template <class T, class Decode, class Check>
void roundTripPage(const Page<T> &page, Decode decode, Check checkItem)
{
    QJsonArray items;
    for (const T &item : page.items) {
        if constexpr (std::is_same_v<T, Transaction> || std::is_same_v<T, Authorization> ||
                      std::is_same_v<T, Statement>)
            items.append(ActivityCodec::encode(item));
        else
            items.append(JsonApiCodec::encode(item));
    }
    QJsonArray included;
    for (const Account &account : page.includedAccounts)
        included.append(JsonApiCodec::encode(account));
    for (const Customer &customer : page.includedCustomers)
        included.append(JsonApiCodec::encode(customer));
    const Pagination pagination = page.pagination.value_or(Pagination{});
    const Result<Page<T>> again = decode(JsonApiCodec::listDocument(items, pagination, included));
    check(again.ok());
    check(again->items.size() == page.items.size());
    for (qsizetype i = 0; i < page.items.size(); ++i)
        checkItem(page.items.at(i), again->items.at(i));
    check(again->includedAccounts.size() == page.includedAccounts.size());
    for (qsizetype i = 0; i < page.includedAccounts.size(); ++i)
        checkAccount(page.includedAccounts.at(i), again->includedAccounts.at(i));
    check(again->includedCustomers.size() == page.includedCustomers.size());
    for (qsizetype i = 0; i < page.includedCustomers.size(); ++i)
        checkCustomer(page.includedCustomers.at(i), again->includedCustomers.at(i));
    check(again->pagination.has_value());
    check(again->pagination->total == pagination.total);
    check(again->pagination->limit == pagination.limit);
    check(again->pagination->offset == pagination.offset);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The decoder does not log, but Qt may warn; a message per input would only slow us down.
    qInstallMessageHandler(dropMessage);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    (void)JsonApiCodec::parseDocument(body);

    // The same bytes as a reply hands them over, with zeros after them (PaddedBody): the fast
    // path reads those where they are, and must answer as it does on a copy.
    QBuffer reply;
    reply.setData(body);
    reply.open(QIODevice::ReadOnly);
    const QByteArray padded = PaddedBody::read(&reply);

    const std::optional<CardPage> fastPage = FastCardDecoder::page(body);
    const std::optional<CardPage> fastPageInPlace = FastCardDecoder::page(padded);
    check(fastPage.has_value() == fastPageInPlace.has_value());
    if (fastPage) {
        const Result<CardPage> reference =
            jsonapi::pageFromDocument<Card>(body, &JsonApiCodec::decodeCard);
        check(reference.ok() && test::pageDifferences(*fastPage, reference.value()).isEmpty());
        check(test::pageDifferences(*fastPageInPlace, *fastPage).isEmpty());
    }
    const std::optional<Card> fastCard = FastCardDecoder::single(body);
    const std::optional<Card> fastCardInPlace = FastCardDecoder::single(padded);
    check(fastCard.has_value() == fastCardInPlace.has_value());
    if (fastCard) {
        const Result<Card> reference =
            jsonapi::singleFromDocument<Card>(body, &JsonApiCodec::decodeCard);
        check(reference.ok() && test::cardDifferences(*fastCard, reference.value()).isEmpty());
        check(test::cardDifferences(*fastCardInPlace, *fastCard).isEmpty());
    }

    if (const Result<Card> card = JsonApiCodec::cardFromDocument(body)) {
        const Result<Card> again = JsonApiCodec::cardFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(card.value())));
        check(again.ok());
        checkCard(card.value(), again.value());
    }
    if (const Result<Account> account = JsonApiCodec::accountFromDocument(body)) {
        const Result<Account> again = JsonApiCodec::accountFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(account.value())));
        check(again.ok());
        checkAccount(account.value(), again.value());
    }
    if (const Result<Customer> customer = JsonApiCodec::customerFromDocument(body)) {
        const Result<Customer> again = JsonApiCodec::customerFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(customer.value())));
        check(again.ok());
        checkCustomer(customer.value(), again.value());
    }
    if (const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(body))
        roundTripPage(page.value(), &JsonApiCodec::cardPageFromDocument, checkCard);
    if (const Result<AccountPage> page = JsonApiCodec::accountPageFromDocument(body))
        roundTripPage(page.value(), &JsonApiCodec::accountPageFromDocument, checkAccount);
    if (const Result<CustomerPage> page = JsonApiCodec::customerPageFromDocument(body))
        roundTripPage(page.value(), &JsonApiCodec::customerPageFromDocument, checkCustomer);

    if (const Result<Transaction> transaction = ActivityCodec::transactionFromDocument(body)) {
        const Result<Transaction> again = ActivityCodec::transactionFromDocument(
            JsonApiCodec::singleDocument(ActivityCodec::encode(transaction.value())));
        check(again.ok());
        checkTransaction(transaction.value(), again.value());
    }
    if (const Result<Authorization> authorization =
            ActivityCodec::authorizationFromDocument(body)) {
        const Result<Authorization> again = ActivityCodec::authorizationFromDocument(
            JsonApiCodec::singleDocument(ActivityCodec::encode(authorization.value())));
        check(again.ok());
        checkAuthorization(authorization.value(), again.value());
    }
    if (const Result<TransactionPage> page = ActivityCodec::transactionPageFromDocument(body))
        roundTripPage(page.value(), &ActivityCodec::transactionPageFromDocument, checkTransaction);
    if (const Result<AuthorizationPage> page = ActivityCodec::authorizationPageFromDocument(body))
        roundTripPage(page.value(), &ActivityCodec::authorizationPageFromDocument,
                      checkAuthorization);
    if (const Result<StatementPage> page = ActivityCodec::statementPageFromDocument(body))
        roundTripPage(page.value(), &ActivityCodec::statementPageFromDocument, checkStatement);

    if (const Result<CustomerTokenVerification> verification =
            JsonApiCodec::tokenVerificationFromDocument(body)) {
        const Result<CustomerTokenVerification> again = JsonApiCodec::tokenVerificationFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(verification.value())));
        check(again.ok());
        check(again->verificationToken == verification->verificationToken);
    }
    if (const Result<CustomerToken> token = JsonApiCodec::customerTokenFromDocument(body)) {
        check(!token->token.isEmpty() && token->expiresIn > 0 && token->expiresIn <= 86400);
        const Result<CustomerToken> again = JsonApiCodec::customerTokenFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(token.value())));
        check(again.ok());
        check(again->token == token->token && again->expiresIn == token->expiresIn);
    }
    if (const Result<CardLimits> limits = JsonApiCodec::cardLimitsFromDocument(body)) {
        const Result<CardLimits> again = JsonApiCodec::cardLimitsFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(limits.value())));
        check(again.ok());
        checkLevelLimits(limits->limits, again->limits);
        checkTotals(limits->dailyTotals, again->dailyTotals);
        checkTotals(limits->monthlyTotals, again->monthlyTotals);
    }

    // Errors: any status, any body; the result always says "HTTP error with this status", and a
    // decoded error survives encodeErrors() unchanged.
    const int status = 400 + int(size % 200);
    const ApiError error = JsonApiCodec::decodeError(status, body);
    check(error.kind == ApiError::Kind::Http && error.httpStatus == status);
    (void)error.message();
    (void)error.isRetryable();
    const ApiError again = JsonApiCodec::decodeError(status, JsonApiCodec::encodeErrors({error}));
    check(again == error);
    return 0;
}
