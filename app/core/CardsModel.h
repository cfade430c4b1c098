#pragma once

#include "Account.h"
#include "ApiError.h"
#include "Card.h"
#include "Customer.h"
#include "Requests.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace tessera {

class ApiClient;
class ApiJob;
class Authenticator;

// The signed-in customer's cards, paged in from GET /cards as the view scrolls (canFetchMore /
// fetchMore), so memory grows with the pages seen, not with the customer's card count. Uses
// the customer token: Unit filters the list to that customer, no filter[customerId] needed.
class CardsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        CardRole = Qt::UserRole + 1, // QVariant<Card>
        CardIdRole,
        StatusRole,      // CardStatus as int
        AccountNameRole, // the account the card draws on, when known
    };
    enum class State { Idle, Loading, Error };
    Q_ENUM(State)

    static constexpr int MaxPageSize = 1000;

    // With an authenticator, a page that needs a renewed sign-in waits for it (ApiJob).
    CardsModel(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);

    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    // Both reload what was loaded; before the first reload() they only set the query.
    void setStatusFilter(const QList<CardStatus> &statuses);
    QList<CardStatus> statusFilter() const { return m_statuses; }
    void setSort(CardSort sort);
    CardSort sortOrder() const { return m_sort; }

    // Forgets every row and loads the first page again.
    void reload();
    // After an error: asks again for the page that failed.
    void retry();

    State state() const { return m_state; }
    const ApiError &lastError() const { return m_error; }
    // Cards the server has for the current filter; -1 until the first page says.
    int totalCount() const { return m_total; }
    bool hasLoadedOnce() const { return m_loadedOnce; }

    const Card *cardAt(int row) const;
    int rowOf(const QString &cardId) const;
    QString accountName(const QString &accountId) const;

    // A card created here: shown at once without a reload at the top when newest first; oldest
    // first it is appended once every earlier card is loaded, else it comes with the last page.
    void insertCard(const Card &card);
    // A card changed here (status action): updated in place.
    void updateCard(const Card &card);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Text a screen reader reads for a card ("Physical debit card ending 1234, Active, ...").
    // An Active card past its expiry reads "Expired", and "Active · expires soon" within
    // Card::ExpiresSoonDays of it.
    static QString describe(const Card &card, QDate today = QDate::currentDate());
    static QString statusText(const Card &card, QDate today = QDate::currentDate());
    static QString kindText(const Card &card);
    static QString kindText(CardType type);
    // "03/30" from Unit's "2030-03".
    static QString expiryText(const Card &card);

signals:
    void stateChanged(tessera::CardsModel::State state);
    // The first page of each load asks for the card holder too (include=customer), so the
    // page can greet them without a request of its own. Not emitted when there are no cards.
    void customerSeen(const tessera::Customer &customer);

private:
    void requestPage();
    void setState(State state);
    bool matchesFilter(const Card &card) const;
    bool morePagesRemain() const;

    ApiClient *m_api;
    QList<Card> m_cards;
    QHash<QString, int> m_rowById;
    QHash<QString, Account> m_accounts;
    QList<CardStatus> m_statuses;
    CardSort m_sort = CardSort::NewestFirst;
    int m_pageSize = 100;
    int m_serverOffset = 0; // rows taken from the server, for page[offset]
    int m_total = -1;
    bool m_lastPageShort = false;
    bool m_loadedOnce = false;
    State m_state = State::Idle;
    ApiError m_error;
    Authenticator *m_authenticator;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
