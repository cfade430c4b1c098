#include "CardsModel.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Logging.h"
#include "Money.h"

#include <algorithm>
#include <limits>

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
    m_shown.clear();
    m_accounts.clear();
    m_progress = {};
    m_skipped = 0;
    m_refreshing = false;
    m_incoming = {};
    // A search still under way needs every card of the new query too.
    m_loadAll = isSearching();
    endResetModel();
    requestPage();
}

void CardsModel::refresh()
{
    if (!m_loadedOnce) {
        reload();
        return;
    }
    delete m_job; // a further page of what is about to be replaced
    m_refreshing = true;
    m_incoming = {};
    m_refreshTarget =
        m_loadAll ? std::numeric_limits<int>::max() : qMax(m_pageSize, m_cards.size());
    requestPage();
}

void CardsModel::loadAll()
{
    m_loadAll = true;
    if (m_refreshing)
        m_refreshTarget = std::numeric_limits<int>::max();
    // Before the first page, or with a page on its way, the page's arrival carries on.
    if (!m_job && m_loadedOnce && (m_refreshing || morePagesRemain()))
        requestPage();
}

void CardsModel::setSearchText(const QString &text)
{
    const QString search = text.trimmed();
    if (search == m_search)
        return;
    beginResetModel();
    m_search = search;
    rebuildIndex();
    endResetModel();
    if (isSearching())
        loadAll();
}

bool CardsModel::matchesSearch(const Card &card, const QString &text)
{
    return matchesSearch(card.last4Digits, card.tags, text);
}

bool CardsModel::matchesSearch(QStringView last4Digits, const Tags &tags, const QString &text)
{
    if (text.isEmpty() || last4Digits.contains(text))
        return true;
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (it.key().contains(text, Qt::CaseInsensitive) ||
            it.value().contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void CardsModel::retry()
{
    if (m_state == State::Error || !m_loadedOnce)
        requestPage();
}

int CardsModel::nextPageLimit() const
{
    if (m_refreshing) // as many as were shown, in as few requests as the server allows
        return qBound(m_pageSize, m_refreshTarget - m_incoming.progress.serverOffset, MaxPageSize);
    return m_loadAll ? MaxPageSize : m_pageSize;
}

void CardsModel::requestPage()
{
    if (m_job)
        return;
    CardListQuery query;
    query.limit = nextPageLimit();
    query.offset = m_refreshing ? m_incoming.progress.serverOffset : m_progress.serverOffset;
    query.statuses = m_statuses;
    query.sort = m_sort;
    query.includeAccount = true;
    query.includeCustomer = query.offset == 0;
    ApiClient *api = m_api;
    auto *job = new ApiJob(
        m_authenticator, [api, query] { return api->listCards(query); }, this);
    m_job = job;
    setState(State::Loading);
    connect(job, &ApiJob::finished, this, [this, job, limit = query.limit] {
        job->deleteLater();
        m_job = nullptr;
        if (job->hasError()) {
            m_error = job->error();
            setState(State::Error);
            return;
        }
        takePage(job->valueAs<CardPage>(), limit);
        m_loadedOnce = true;
        m_error = {};
        // Further pages of a refresh or of loadAll() follow at once, still Loading.
        if (m_refreshing || (m_loadAll && morePagesRemain()))
            requestPage();
        else
            setState(State::Idle);
    });
    job->start();
}

bool CardsModel::Progress::morePagesRemain() const
{
    if (total >= 0)
        return serverOffset < total;
    return !lastPageShort; // no meta.pagination: page while pages come back full
}

void CardsModel::takePage(const CardPage &page, int limit)
{
    for (const Customer &customer : page.includedCustomers)
        emit customerSeen(customer);
    // Records left out still took their place in the server's list: the next offset counts them.
    const int taken = int(page.items.size()) + page.skipped;
    if (page.skipped > 0)
        qCInfo(lcApi) << "cards page at offset"
                      << (m_refreshing ? m_incoming.progress : m_progress).serverOffset
                      << "left out" << page.skipped << "records it could not decode";
    Progress &progress = m_refreshing ? m_incoming.progress : m_progress;
    progress.serverOffset += taken;
    progress.lastPageShort = taken < limit;
    if (page.pagination) {
        progress.total = page.pagination->total;
        (m_refreshing ? m_incoming.cards : m_cards).reserve(progress.total);
    }

    if (!m_refreshing) {
        for (const Account &account : page.includedAccounts)
            m_accounts.insert(account.id, account);
        m_skipped += page.skipped;
        appendCards(page.items);
        return;
    }
    for (const Account &account : page.includedAccounts)
        m_incoming.accounts.insert(account.id, account);
    m_incoming.skipped += page.skipped;
    // A card created while the refresh pages on shifts the pages: the next one starts with the
    // last card of this one again.
    for (const int i : m_incoming.cards.notHeld(page.items))
        m_incoming.cards.append(page.items.at(i));
    if (m_incoming.cards.size() + m_incoming.skipped >= m_refreshTarget ||
        !m_incoming.progress.morePagesRemain())
        takeIncoming();
}

void CardsModel::appendCards(const QList<Card> &cards)
{
    // A card inserted here after creation may come again from the server, and a page may
    // repeat a card of the previous one when a card was created in between.
    const QList<int> fresh = m_cards.notHeld(cards);
    const auto shownCount =
        isSearching() ? std::count_if(fresh.cbegin(), fresh.cend(),
                                      [&](int i) { return matchesSearch(cards.at(i), m_search); })
                      : fresh.size();
    const int firstRow = rowCount();
    if (shownCount > 0)
        beginInsertRows({}, firstRow, firstRow + int(shownCount) - 1);
    for (const int i : fresh) {
        const Card &card = cards.at(i);
        if (isSearching() && matchesSearch(card, m_search))
            m_shown.append(m_cards.size());
        m_cards.append(card);
    }
    if (shownCount > 0)
        endInsertRows();
}

// The refreshed cards replace the shown ones in one go: a view keeps its rows until then.
void CardsModel::takeIncoming()
{
    beginResetModel();
    m_cards = std::move(m_incoming.cards);
    m_accounts = std::move(m_incoming.accounts);
    m_progress = m_incoming.progress;
    m_skipped = m_incoming.skipped;
    m_incoming = {};
    m_refreshing = false;
    rebuildIndex();
    endResetModel();
}

void CardsModel::rebuildIndex()
{
    m_shown.clear();
    if (!isSearching())
        return;
    for (int i = 0; i < m_cards.size(); ++i) {
        if (matchesSearch(m_cards.last4DigitsAt(i), m_cards.tagsAt(i), m_search))
            m_shown.append(i);
    }
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
    if (parent.isValid() || m_state != State::Idle || !m_loadedOnce || m_refreshing)
        return false;
    return morePagesRemain();
}

bool CardsModel::morePagesRemain() const
{
    return !m_loadedOnce || m_progress.morePagesRemain();
}

void CardsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

int CardsModel::rowForCard(int cardIndex) const
{
    if (cardIndex < 0 || !isSearching())
        return cardIndex;
    const auto it = std::lower_bound(m_shown.cbegin(), m_shown.cend(), cardIndex);
    return it != m_shown.cend() && *it == cardIndex ? int(it - m_shown.cbegin()) : -1;
}

int CardsModel::cardIndexOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return isSearching() ? m_shown.at(row) : row;
}

std::optional<Card> CardsModel::cardAt(int row) const
{
    const int index = cardIndexOf(row);
    if (index < 0)
        return std::nullopt;
    return m_cards.at(index);
}

QString CardsModel::cardIdAt(int row) const
{
    const int index = cardIndexOf(row);
    return index < 0 ? QString() : m_cards.idAt(index);
}

int CardsModel::rowOf(const QString &cardId) const
{
    return rowForCard(m_cards.positionOf(cardId));
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

QString CardsModel::accountAvailable(const QString &accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    return it == m_accounts.constEnd() ? QString() : Money::format(it->available);
}

bool CardsModel::matchesFilter(const Card &card) const
{
    return m_statuses.isEmpty() || m_statuses.contains(card.status);
}

void CardsModel::insertCard(const Card &card)
{
    if (m_cards.contains(card.id)) {
        updateCard(card);
        return;
    }
    if (!matchesFilter(card))
        return;
    // Oldest first the new card is the last one: while cards before it are still to come it
    // is not shown yet (it would sit above them); it comes with the last page, once.
    if (m_sort == CardSort::OldestFirst && morePagesRemain()) {
        if (m_progress.total >= 0)
            ++m_progress.total;
        return;
    }
    // The server now has one more card before the next page's offset (newest first), or
    // as the last one (oldest first, everything loaded): either way it is taken. Counted
    // before the rows change: a view may fetch more while they do.
    if (m_progress.total >= 0)
        ++m_progress.total;
    ++m_progress.serverOffset;
    const bool first = m_sort == CardSort::NewestFirst;
    const bool shown = matchesSearch(card, m_search);
    const int row = first ? 0 : rowCount();
    if (shown)
        beginInsertRows({}, row, row);
    if (first)
        m_cards.prepend(card);
    else
        m_cards.append(card);
    rebuildIndex();
    if (shown)
        endInsertRows();
}

void CardsModel::updateCard(const Card &card)
{
    const int cardIndex = m_cards.positionOf(card.id);
    if (cardIndex < 0)
        return;
    m_cards.replace(cardIndex, card);
    const int row = rowForCard(cardIndex);
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

int CardsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return isSearching() ? int(m_shown.size()) : m_cards.size();
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
    const int cardIndex = index.parent().isValid() ? -1 : cardIndexOf(index.row());
    if (cardIndex < 0)
        return {};
    // A tile's paint asks for several roles: those that need one field take it from the store
    // without making the whole Card.
    switch (role) {
    case Qt::DisplayRole: {
        const Card card = m_cards.at(cardIndex);
        return tr("%1 •••• %2").arg(kindText(card), card.last4Digits);
    }
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return describe(m_cards.at(cardIndex));
    case CardRole:
        return QVariant::fromValue(m_cards.at(cardIndex));
    case CardIdRole:
        return m_cards.idAt(cardIndex);
    case StatusRole:
        return int(m_cards.statusAt(cardIndex));
    case AccountNameRole:
        return accountName(m_cards.accountIdAt(cardIndex));
    case AccountTitleRole:
        return m_accounts.value(m_cards.accountIdAt(cardIndex)).name;
    case AccountDigitsRole: {
        const QString masked =
            m_accounts.value(m_cards.accountIdAt(cardIndex)).maskedAccountNumber();
        return masked.isEmpty() ? QString() : QStringLiteral("…") + masked.right(4);
    }
    case AccountAvailableRole:
        return accountAvailable(m_cards.accountIdAt(cardIndex));
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
    names.insert(AccountTitleRole, "accountTitle");
    names.insert(AccountDigitsRole, "accountDigits");
    names.insert(AccountAvailableRole, "accountAvailable");
    return names;
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_CardsModel.cpp"
