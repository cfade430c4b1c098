#pragma once

#include "Account.h"
#include "ApiError.h"
#include "Card.h"
#include "CardStore.h"
#include "Customer.h"
#include "Page.h"
#include "Requests.h"

#include <optional>
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
// A search shows only the loaded cards that match it: Unit's GET /cards has no text search,
// so searching loads every remaining page (in pages of MaxPageSize) and filters here.
class CardsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        CardRole = Qt::UserRole + 1, // QVariant<Card>
        CardIdRole,
        StatusRole,           // CardStatus as int
        AccountNameRole,      // the account the card draws on, when known: "Checking (…1234)"
        AccountTitleRole,     // just its name, "Checking"
        AccountDigitsRole,    // just its masked number, "…1234" (empty when unknown)
        AccountAvailableRole, // its available balance, "$1,234.56" (empty when unknown)
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
    // Loads again as many cards as are loaded while keeping them: the rows stay until the fresh
    // ones are all in, then they replace them at once (a model reset). Before anything was
    // loaded it is reload().
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    // Loads every remaining page, MaxPageSize cards a request, until the last card is in: for
    // a search and for a jump to the end of the list. Lasts until the next reload().
    void loadAll();
    // True once the last page is in (nothing left to fetch).
    bool allLoaded() const { return m_loadedOnce && !morePagesRemain(); }

    // Shows only cards whose last four digits, nickname or tags (key or value) contain `text`,
    // case-insensitive; empty shows every card. A search loads all pages (loadAll()).
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    bool isSearching() const { return !m_search.isEmpty(); }
    static bool matchesSearch(const Card &card, const QString &text);
    static bool matchesSearch(QStringView last4Digits, const Tags &tags, const QString &text);
    // Cards loaded from the server, whether the search shows them or not.
    int loadedCount() const { return m_cards.size(); }
    // Records of the loaded pages that could not be decoded and so are not shown.
    int skippedCount() const { return m_skipped; }
    // After an error: asks again for the page that failed.
    void retry();

    State state() const { return m_state; }
    const ApiError &lastError() const { return m_error; }
    // Cards the server has for the current filter; -1 until a page says (Unit's spec declares
    // no meta.pagination for GET /cards: a server may never say).
    int totalCount() const { return m_progress.total; }
    bool hasLoadedOnce() const { return m_loadedOnce; }

    // The card a row shows, made from the compact store (CardStore); empty for no such row.
    std::optional<Card> cardAt(int row) const;
    // Only the row's card id, with no Card made; empty for no such row.
    QString cardIdAt(int row) const;
    int rowOf(const QString &cardId) const;
    QString accountName(const QString &accountId) const;
    // The account's available balance as the cards' pages brought it ("$1,234.56"); empty
    // when the account is not known.
    QString accountAvailable(const QString &accountId) const;

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
    // How far a load has come through the server's list.
    struct Progress
    {
        int serverOffset = 0; // records taken from the server (decoded or not), for page[offset]
        int total = -1;
        bool lastPageShort = false;
        bool morePagesRemain() const;
    };
    // A refresh's cards while they come in, until they replace the shown ones.
    struct Incoming
    {
        CardStore cards;
        QHash<QString, Account> accounts;
        Progress progress;
        int skipped = 0;
    };

    void requestPage();
    int nextPageLimit() const;
    void takePage(const CardPage &page, int limit);
    void appendCards(const QList<Card> &cards);
    void takeIncoming();
    void rebuildIndex();
    void setState(State state);
    bool matchesFilter(const Card &card) const;
    bool morePagesRemain() const;
    // Row of the view for an index into m_cards (-1 when the search hides it), and back.
    int rowForCard(int cardIndex) const;
    int cardIndexOf(int row) const;

    ApiClient *m_api;
    CardStore m_cards;  // every loaded card, in the server's order
    QList<int> m_shown; // while searching: the indexes into m_cards the rows show, ascending
    QString m_search;
    QHash<QString, Account> m_accounts;
    QList<CardStatus> m_statuses;
    CardSort m_sort = CardSort::NewestFirst;
    int m_pageSize = 100;
    Progress m_progress;
    int m_skipped = 0;
    bool m_loadAll = false;
    bool m_refreshing = false;
    int m_refreshTarget = 0; // cards a refresh loads again before it replaces the shown ones
    Incoming m_incoming;
    bool m_loadedOnce = false;
    State m_state = State::Idle;
    ApiError m_error;
    Authenticator *m_authenticator;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
