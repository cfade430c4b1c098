#pragma once

#include "ActivityEntry.h"
#include "ActivityFilter.h"
#include "ActivityScope.h"
#include "ApiError.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace tessera {

class ActivityStream;
class ApiClient;
class Authenticator;

// A card's or an account's activity, newest first, paged in as the view scrolls (canFetchMore /
// fetchMore): settled transactions merged with the card authorizations still pending or
// declined (ActivityStream), so a row never moves once shown. Unit does every filter on the
// server; nothing is filtered here.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        EntryRole = Qt::UserRole + 1, // QVariant<ActivityEntry>
        DateRole,                     // QDateTime
        CounterpartyRole,
        KindTextRole,
        AmountRole,     // qint64, signed cents
        AmountTextRole, // "−$12.50" / "+$1,200.00"
        StatusRole,     // int(ActivityEntry::Status)
        StatusTextRole,
        BalanceTextRole, // "" when Unit gave none
    };
    enum class State { Idle, Loading, Error };
    Q_ENUM(State)

    static constexpr int MaxPageSize = 1000;

    ActivityModel(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);
    ~ActivityModel() override;

    // Both reload when they change (an empty scope shows nothing and asks for nothing).
    void setScope(const ActivityScope &scope);
    ActivityScope scope() const { return m_scope; }
    void setFilter(const ActivityFilter &filter);
    const ActivityFilter &filter() const { return m_filter; }
    // Entries asked for of each list at a time; 50 unless set. Takes effect at the next reload.
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }

    // Forgets every row and loads the first entries again.
    void reload();
    // After an error: asks again for what failed.
    void retry();

    State state() const { return m_state; }
    const ApiError &lastError() const { return m_error; }
    bool hasLoadedOnce() const { return m_loadedOnce; }
    // meta.pagination.total of GET /transactions; -1 when unknown.
    int totalTransactions() const;
    // Records of the pages read that could not be decoded and so are not shown.
    int skippedCount() const;

    const ActivityEntry *entryAt(int row) const;
    int rowOf(const QString &entryId) const;

    // "−$12.50" for money out, "+$1,200.00" for money in (a real minus sign).
    static QString amountText(qint64 signedCents);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

signals:
    void stateChanged(tessera::ActivityModel::State state);

private:
    void append(const QList<ActivityEntry> &entries);
    void setState(State state);

    ActivityStream *m_stream;
    ActivityScope m_scope;
    ActivityFilter m_filter;
    int m_pageSize = 50;
    QList<ActivityEntry> m_entries;
    QHash<QString, int> m_rowById;
    bool m_loadedOnce = false;
    State m_state = State::Idle;
    ApiError m_error;
};

} // namespace tessera
