#pragma once

#include "ActivityScope.h"
#include "Card.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace tessera {
class ActivityExport;
class ActivityModel;
class Backend;
class PurchaseSimulation;
struct ApiError;
} // namespace tessera

namespace tessera::ui {

class ActivityDetailsPanel;
class ActivityFilterBar;

// A card's or an account's activity, newest first: settled transactions with pending and
// declined card payments among them, paged in as the list scrolls; search and filters that
// Unit applies on the server; the selected row's details; export of what the filters show to
// CSV; and, in sandboxes, a simulated purchase on a card to show money moving.
class ActivityPage : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPage(Backend *backend, QWidget *parent = nullptr);

    // Shows the card's or the account's activity under `title` ("Physical debit card ••••
    // 7710"); loads it when it is not the one shown.
    void showCard(const Card &card, const QString &title);
    void showAccount(const QString &accountId, const QString &title);
    ActivityScope scope() const;
    ActivityModel *model() const { return m_model; }
    // Loads the shown activity again (F5), keeping the filters.
    void refresh();
    // Signed out or another customer: forget what was shown.
    void reset();

signals:
    void statusMessage(const QString &message);

private:
    void updateState();
    void showSelected();
    void updateCount();
    void exportCsv();
    void startExport(const QString &filePath);
    void show(const ActivityScope &scope, const QString &title);
    void simulatePurchase();

    Backend *m_backend;
    ActivityModel *m_model;
    QLabel *m_title;
    QLabel *m_count;
    ActivityFilterBar *m_filters;
    QStackedWidget *m_states;
    QListView *m_list;
    QWidget *m_loading;
    QWidget *m_empty;
    QLabel *m_emptyText;
    QWidget *m_error;
    QLabel *m_errorText;
    QWidget *m_noScope;
    QProgressBar *m_pageLoading;
    ActivityDetailsPanel *m_details;
    QPushButton *m_export;
    QPushButton *m_simulate;
    QLabel *m_simulationStatus;
    QPointer<ActivityExport> m_exportJob;
    QPointer<PurchaseSimulation> m_simulation;
    std::optional<Card> m_card; // when a card's activity is shown: for a simulated purchase
    bool m_hasScope = false;
};

} // namespace tessera::ui
