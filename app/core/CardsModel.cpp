#include "CardsModel.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Logging.h"

namespace tessera {

CardsModel::CardsModel(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_authenticator(authenticator)
{}

void CardsModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, MaxPageSize);
}

void CardsModel::setStatusFilter(const QList<CardStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    if (m_loadedOnce || m_job)
        reload();
}

void CardsModel::setSort(CardSort sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    if (m_loadedOnce || m_job)
        reload();
}

void CardsModel::reload()
{
    delete m_job;             // the page in flight is for the old query
    setState(State::Loading); // already while the rows go, so no one takes them for the result
    beginResetModel();
    m_cards.clear();
    m_rowById.clear();
    m_accounts.clear();
    m_serverOffset = 0;
    m_total = -1;
    m_lastPageShort = false;
    endResetModel();
    requestPage();
}

void CardsModel::retry()
{
    if (m_state == State::Error || !m_loadedOnce)
        requestPage();
}

void CardsModel::requestPage()
{
    if (m_job)
        return;
    CardListQuery query;
    query.limit = m_pageSize;
    query.offset = m_serverOffset;
    query.statuses = m_statuses;
    query.sort = m_sort;
    query.includeAccount = true;
    query.includeCustomer = m_serverOffset == 0;
    ApiClient *api = m_api;
    auto *job = new ApiJob(
        m_authenticator, [api, query] { return api->listCards(query); }, this);
    m_job = job;
    setState(State::Loading);
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        if (job->hasError()) {
            m_error = job->error();
            setState(State::Error);
            return;
        }
        const CardPage page = job->valueAs<CardPage>();
        for (const Account &account : page.includedAccounts)
            m_accounts.insert(account.id, account);
        for (const Customer &customer : page.includedCustomers)
            emit customerSeen(customer);
        m_serverOffset += int(page.items.size());
        m_lastPageShort = page.items.size() < m_pageSize;
        if (page.pagination)
            m_total = page.pagination->total;
        QList<Card> fresh;
        fresh.reserve(page.items.size());
        for (const Card &card : page.items) {
            // A card inserted here after creation may come again from the server.
            if (!m_rowById.contains(card.id))
                fresh.append(card);
        }
        if (!fresh.isEmpty()) {
            const int first = int(m_cards.size());
            beginInsertRows({}, first, first + int(fresh.size()) - 1);
            for (Card &card : fresh) {
                m_rowById.insert(card.id, int(m_cards.size()));
                m_cards.append(std::move(card));
            }
            endInsertRows();
        }
        m_loadedOnce = true;
        m_error = {};
        setState(State::Idle);
    });
    job->start();
}

void CardsModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool CardsModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_state != State::Idle || !m_loadedOnce)
        return false;
    return morePagesRemain();
}

bool CardsModel::morePagesRemain() const
{
    if (!m_loadedOnce)
        return true;
    if (m_total >= 0)
        return m_serverOffset < m_total;
    return !m_lastPageShort; // no meta.pagination: page while pages come back full
}

void CardsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

const Card *CardsModel::cardAt(int row) const
{
    return row >= 0 && row < m_cards.size() ? &m_cards.at(row) : nullptr;
}

int CardsModel::rowOf(const QString &cardId) const
{
    return m_rowById.value(cardId, -1);
}

QString CardsModel::accountName(const QString &accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    if (it == m_accounts.constEnd())
        return {};
    const QString masked = it->maskedAccountNumber();
    return masked.isEmpty() ? it->name
                            : tr("%1 (%2)").arg(it->name, QStringLiteral("…") + masked.right(4));
}

bool CardsModel::matchesFilter(const Card &card) const
{
    return m_statuses.isEmpty() || m_statuses.contains(card.status);
}

void CardsModel::insertCard(const Card &card)
{
    if (m_rowById.contains(card.id)) {
        updateCard(card);
        return;
    }
    if (!matchesFilter(card))
        return;
    // Oldest first the new card is the last one: while cards before it are still to come it
    // is not shown yet (it would sit above them); it comes with the last page, once.
    if (m_sort == CardSort::OldestFirst && morePagesRemain()) {
        if (m_total >= 0)
            ++m_total;
        return;
    }
    // The server now has one more card before the next page's offset (newest first), or
    // as the last one (oldest first, everything loaded): either way it is taken. Counted
    // before the rows change: a view may fetch more while they do.
    if (m_total >= 0)
        ++m_total;
    ++m_serverOffset;
    const int row = m_sort == CardSort::NewestFirst ? 0 : int(m_cards.size());
    beginInsertRows({}, row, row);
    m_cards.insert(row, card);
    m_rowById.clear();
    for (int i = 0; i < m_cards.size(); ++i)
        m_rowById.insert(m_cards.at(i).id, i);
    endInsertRows();
}

void CardsModel::updateCard(const Card &card)
{
    const int row = rowOf(card.id);
    if (row < 0)
        return;
    m_cards[row] = card;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

int CardsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cards.size());
}

QString CardsModel::kindText(const Card &card)
{
    return card.type == CardType::Unknown && !card.typeName.isEmpty() ? card.typeName
                                                                      : kindText(card.type);
}

QString CardsModel::kindText(CardType type)
{
    switch (type) {
    case CardType::IndividualDebitCard:
    case CardType::BusinessDebitCard:
        return tr("Physical debit card");
    case CardType::IndividualVirtualDebitCard:
    case CardType::BusinessVirtualDebitCard:
        return tr("Virtual debit card");
    case CardType::BusinessCreditCard:
        return tr("Physical credit card");
    case CardType::BusinessVirtualCreditCard:
        return tr("Virtual credit card");
    case CardType::Unknown:
        break;
    }
    return tr("Card");
}

QString CardsModel::statusText(const Card &card, QDate today)
{
    switch (card.status) {
    case CardStatus::Active:
        // Unit has no Expired status: an expired card can still read Active.
        if (card.isExpired(today))
            return tr("Expired");
        if (card.expiresSoon(today))
            return tr("Active · expires soon");
        return tr("Active");
    case CardStatus::Inactive:
        return tr("Not activated");
    case CardStatus::Stolen:
        return tr("Reported stolen");
    case CardStatus::Lost:
        return tr("Reported lost");
    case CardStatus::Frozen:
        return tr("Frozen");
    case CardStatus::ClosedByCustomer:
        return tr("Closed");
    case CardStatus::SuspectedFraud:
        return tr("Suspected fraud");
    case CardStatus::ActiveForOnlineUse:
        return tr("Active online");
    case CardStatus::Unknown:
        break;
    }
    return card.statusName.isEmpty() ? tr("Unknown") : card.statusName;
}

QString CardsModel::expiryText(const Card &card)
{
    const QStringList parts = card.expirationDate.split(QLatin1Char('-'));
    if (parts.size() != 2 || parts.at(0).size() != 4)
        return card.expirationDate;
    return parts.at(1) + QLatin1Char('/') + parts.at(0).right(2);
}

QString CardsModel::describe(const Card &card, QDate today)
{
    return tr("%1 ending in %2, %3, expires %4")
        .arg(kindText(card), card.last4Digits, statusText(card, today), expiryText(card));
}

QVariant CardsModel::data(const QModelIndex &index, int role) const
{
    const Card *card = cardAt(index.row());
    if (!card || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 •••• %2").arg(kindText(*card), card->last4Digits);
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return describe(*card);
    case CardRole:
        return QVariant::fromValue(*card);
    case CardIdRole:
        return card->id;
    case StatusRole:
        return int(card->status);
    case AccountNameRole:
        return accountName(card->accountId);
    default:
        return {};
    }
}

QHash<int, QByteArray> CardsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CardRole, "card");
    names.insert(CardIdRole, "cardId");
    names.insert(StatusRole, "status");
    names.insert(AccountNameRole, "accountName");
    return names;
}

} // namespace tessera
