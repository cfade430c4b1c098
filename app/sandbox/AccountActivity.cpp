#include "AccountActivity.h"

#include <algorithm>

namespace tessera::sandbox {

namespace {

QString idFor(const QString &accountId, qsizetype position)
{
    return QString::number(accountId.toLongLong() * AccountActivity::IdFactor + position);
}

// The position an id of this account names: its account part must be this account.
std::optional<qsizetype> positionIn(const QString &accountId, const QString &id, qsizetype size)
{
    bool isNumber = false;
    const qint64 value = id.toLongLong(&isNumber);
    if (!isNumber || value <= 0 || id.startsWith(QLatin1Char('0')))
        return std::nullopt;
    if (value / AccountActivity::IdFactor != accountId.toLongLong())
        return std::nullopt;
    const qsizetype position = qsizetype(value % AccountActivity::IdFactor);
    if (position >= size)
        return std::nullopt;
    return position;
}

QString fromLatin(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

AccountActivity::AccountActivity(QString accountId, QString customerId, QList<CardRef> cards)
    : m_accountId(std::move(accountId))
    , m_customerId(std::move(customerId))
    , m_cards(std::move(cards))
{
    m_cardPositions.resize(m_cards.size());
}

int AccountActivity::cardSlot(const QString &cardId) const
{
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).id == cardId)
            return int(i);
    }
    return -1;
}

int AccountActivity::addCard(const CardRef &card)
{
    const int existing = cardSlot(card.id);
    if (existing >= 0)
        return existing;
    m_cards.append(card);
    m_cardPositions.append(QList<qint32>());
    return int(m_cards.size() - 1);
}

void AccountActivity::setRecords(QList<Record> records)
{
    m_records = std::move(records);
    m_details.clear();
    m_cardPositions = QList<QList<qint32>>(m_cards.size());
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        const qint32 card = m_records.at(i).card;
        if (card >= 0 && card < m_cardPositions.size())
            m_cardPositions[card].append(qint32(i));
    }
    m_recordsReady = true;
}

const QList<qint32> &AccountActivity::cardPositions(int slot) const
{
    static const QList<qint32> none;
    return slot >= 0 && slot < m_cardPositions.size() ? m_cardPositions.at(slot) : none;
}

Transaction AccountActivity::transaction(qsizetype position) const
{
    const Record &r = m_records.at(position);
    Transaction t = r.detail >= 0 ? m_details.at(r.detail) : Transaction{};
    t.id = transactionId(position);
    t.kind = r.kind;
    t.typeName = transactionTypeName(r.kind);
    t.createdAt = QDateTime::fromMSecsSinceEpoch(r.createdAtMs, Qt::UTC);
    t.direction = r.direction;
    t.amount = r.amount;
    t.balance = r.balance;
    t.accountId = m_accountId;
    t.customerId = m_customerId;
    if (r.card >= 0 && r.card < m_cards.size()) {
        t.cardId = m_cards.at(r.card).id;
        t.cardLast4Digits = m_cards.at(r.card).last4Digits;
    }
    if (r.detail >= 0 || !r.what)
        return t;

    const ActivityTemplate &what = *r.what;
    const QString name = fromLatin(what.name);
    switch (r.kind) {
    case TransactionKind::Purchase:
    case TransactionKind::Card:
        t.merchant = Merchant{
            name, what.merchantType, fromLatin(what.category), fromLatin(what.location), {}};
        t.ecommerce = what.online;
        t.cardPresent = !what.online;
        t.summary = QStringLiteral("Purchase from %1 | **%2").arg(name, t.cardLast4Digits);
        break;
    case TransactionKind::Atm:
        t.atmName = name;
        t.atmLocation = fromLatin(what.location);
        t.surcharge = what.surcharge;
        t.summary = QStringLiteral("ATM withdrawal at %1 | **%2").arg(name, t.cardLast4Digits);
        break;
    case TransactionKind::ReceivedAch:
        t.counterpartyName = name;
        t.description = fromLatin(what.category);
        t.counterpartyRoutingNumber = fromLatin(what.routingNumber);
        t.summary = QStringLiteral("%1 | %2").arg(name, t.description);
        break;
    default:
        t.summary = name;
        break;
    }
    return t;
}

Transaction AccountActivity::append(Transaction transaction, qint64 balanceBefore)
{
    Record record;
    // Never before the last record: the list stays in time order whatever the caller's clock.
    const qint64 last = m_records.isEmpty() ? 0 : m_records.constLast().createdAtMs;
    record.createdAtMs = std::max(transaction.createdAt.toMSecsSinceEpoch(), last);
    record.amount = transaction.amount;
    record.kind = transaction.kind;
    record.direction = transaction.direction;
    record.balance = balanceBefore + transaction.signedAmount();
    record.card = cardSlot(transaction.cardId);
    record.detail = qint32(m_details.size());
    m_details.append(std::move(transaction));
    m_records.append(record);
    if (record.card >= 0)
        m_cardPositions[record.card].append(qint32(m_records.size() - 1));
    return this->transaction(m_records.size() - 1);
}

QString AccountActivity::transactionId(qsizetype position) const
{
    return idFor(m_accountId, position);
}

std::optional<qsizetype> AccountActivity::positionOf(const QString &transactionId) const
{
    return positionIn(m_accountId, transactionId, m_records.size());
}

void AccountActivity::setAuthorizations(QList<Authorization> authorizations)
{
    m_authorizations = std::move(authorizations);
    for (qsizetype i = 0; i < m_authorizations.size(); ++i)
        m_authorizations[i].id = idFor(m_accountId, i);
}

Authorization *AccountActivity::authorization(const QString &id)
{
    const std::optional<qsizetype> position = positionIn(m_accountId, id, m_authorizations.size());
    return position ? &m_authorizations[*position] : nullptr;
}

const Authorization *AccountActivity::authorization(const QString &id) const
{
    const std::optional<qsizetype> position = positionIn(m_accountId, id, m_authorizations.size());
    return position ? &m_authorizations.at(*position) : nullptr;
}

Authorization &AccountActivity::addAuthorization(Authorization authorization)
{
    authorization.id = idFor(m_accountId, m_authorizations.size());
    m_authorizations.append(std::move(authorization));
    return m_authorizations.last();
}

qint64 AccountActivity::held() const
{
    qint64 sum = 0;
    for (const Authorization &a : m_authorizations) {
        if (a.status == AuthorizationStatus::Authorized)
            sum += a.amount;
    }
    return sum;
}

const Statement *AccountActivity::statement(const QString &id) const
{
    for (const Statement &s : m_statements) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace tessera::sandbox
