#pragma once

#include "Card.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace tessera {
class ApiJob;
class Backend;
class CardsModel;
} // namespace tessera

namespace tessera::ui {

class CardActionRunner;
class CardDetailsPanel;

// The signed-in customer's cards: a paged list of card tiles with status filter, sort, search,
// their count and refresh, loading / empty / error states, and the selected card's details and
// actions. Refresh keeps the list on screen (a thin busy bar above it) and the selected card.
class CardsPage : public QWidget
{
    Q_OBJECT
public:
    explicit CardsPage(Backend *backend, QWidget *parent = nullptr);

    // A new session began: greet the customer and load their cards.
    void activate();
    // Loads the cards again while the loaded ones stay on screen; the selected card stays
    // selected if it is still there.
    void refresh();
    CardsModel *model() const { return m_model; }
    CardActionRunner *actions() const { return m_actions; }

    // Shows a card created elsewhere (the wizard) without reloading, and selects it.
    void addCreatedCard(const Card &card);
    // Fetches one card again (e.g. the old card after a replacement) and updates its tile.
    void refreshCard(const QString &cardId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void createCardRequested();
    void replaceCardRequested(const tessera::Card &card);
    void activityRequested(const tessera::Card &card);
    void statusMessage(const QString &message);

private:
    void updateState();
    void showEmpty();
    void showNoMatch();
    void checkForAnyCard();
    void noteHasCards(bool hasCards);
    void focusSettledPage();
    int selectedRow() const;
    void showSelected();
    void greet();
    void loadGreeting();
    void updateCount();
    void updateSkippedNotice();
    // End / Ctrl+End or the scrollbar dragged to its end: load the rest in big pages and follow
    // to the last card once it is in.
    void jumpToEnd(bool selectLast);
    void followToEnd();
    void keepSelectionAcrossReset();
    void restoreSelectionAfterReset();

    Backend *m_backend;
    CardsModel *m_model;
    CardActionRunner *m_actions;
    QLabel *m_greeting;
    QComboBox *m_statusFilter;
    QComboBox *m_sort;
    QToolButton *m_refresh;
    QPushButton *m_create;
    QStackedWidget *m_states;
    QListView *m_list;
    QWidget *m_loading;
    QWidget *m_empty;
    QWidget *m_error;
    QLabel *m_errorText;
    QProgressBar *m_pageLoading;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_skippedNotice;
    CardDetailsPanel *m_details;
    QPointer<ApiJob> m_anyCardJob;
    QPushButton *m_showAll;
    // Whether the customer m_cardsKnownFor has any card at all, whatever the filter.
    QString m_cardsKnownFor;
    bool m_hasCards = false;
    bool m_focusWhenLoaded = false;
    // Rows replaced the loading state: the list's next paint draws the first tiles of the load.
    bool m_reportFirstPaint = false;
    // Across a model reset (refresh done, search changed): the selected card and the scroll.
    QString m_keptCardId;
    int m_keptScroll = 0;
    enum class Follow { No, ToBottom, ToLastCard };
    Follow m_followToEnd = Follow::No;
};

} // namespace tessera::ui
