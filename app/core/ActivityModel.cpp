#include "ActivityModel.h"

#include "ActivityStream.h"
#include "Money.h"

namespace tessera {

ActivityModel::ActivityModel(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QAbstractListModel(parent)
    , m_stream(new ActivityStream(api, authenticator, this))
{
    connect(m_stream, &ActivityStream::entriesReady, this, [this](const QList<ActivityEntry> &e) {
        append(e);
        m_loadedOnce = true;
        m_error = {};
        setState(State::Idle);
    });
    connect(m_stream, &ActivityStream::failed, this, [this](const ApiError &error) {
        m_error = error;
        setState(State::Error);
    });
}

ActivityModel::~ActivityModel() = default;

void ActivityModel::setScope(const ActivityScope &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    reload();
}

void ActivityModel::setFilter(const ActivityFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (!m_scope.isEmpty())
        reload();
}

void ActivityModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, MaxPageSize);
}

void ActivityModel::reload()
{
    m_stream->cancel(); // what is under way is for the old scope or filter
    beginResetModel();
    m_entries.clear();
    m_rowById.clear();
    m_loadedOnce = false;
    m_error = {};
    endResetModel();
    if (m_scope.isEmpty()) {
        setState(State::Idle);
        return;
    }
    setState(State::Loading);
    m_stream->start(m_scope, m_filter, m_pageSize);
}

void ActivityModel::retry()
{
    if (m_state != State::Error)
        return;
    setState(State::Loading);
    if (m_loadedOnce)
        m_stream->fetchMore();
    else
        m_stream->start(m_scope, m_filter, m_pageSize);
}

int ActivityModel::totalTransactions() const
{
    return m_stream->totalTransactions();
}

int ActivityModel::skippedCount() const
{
    return m_stream->skipped();
}

void ActivityModel::append(const QList<ActivityEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    for (const ActivityEntry &entry : entries) {
        m_rowById.insert(entry.id(), int(m_entries.size()));
        m_entries.append(entry);
    }
    endInsertRows();
}

void ActivityModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

const ActivityEntry *ActivityModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int ActivityModel::rowOf(const QString &entryId) const
{
    return m_rowById.value(entryId, -1);
}

QString ActivityModel::amountText(qint64 signedCents)
{
    const QString magnitude = Money::format(signedCents < 0 ? -signedCents : signedCents);
    return (signedCents < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + magnitude;
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    const ActivityEntry *entry = index.parent().isValid() ? nullptr : entryAt(index.row());
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case CounterpartyRole:
        return entry->counterparty();
    case EntryRole:
        return QVariant::fromValue(*entry);
    case DateRole:
        return entry->createdAt();
    case KindTextRole:
        return entry->kindText();
    case AmountRole:
        return entry->signedAmount();
    case AmountTextRole:
        return amountText(entry->signedAmount());
    case StatusRole:
        return int(entry->status());
    case StatusTextRole:
        return entry->statusText();
    case BalanceTextRole: {
        const std::optional<qint64> balance = entry->balanceAfter();
        return balance ? Money::format(*balance) : QString();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(EntryRole, "entry");
    names.insert(DateRole, "date");
    names.insert(CounterpartyRole, "counterparty");
    names.insert(KindTextRole, "kindText");
    names.insert(AmountRole, "amount");
    names.insert(AmountTextRole, "amountText");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(BalanceTextRole, "balanceText");
    return names;
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Idle && m_loadedOnce && !m_stream->atEnd();
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setState(State::Loading);
    m_stream->fetchMore();
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_ActivityModel.cpp"
