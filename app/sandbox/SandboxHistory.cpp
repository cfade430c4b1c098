#include "SandboxHistory.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace tessera::sandbox {

namespace {

// splitmix64: small, fast and the same everywhere, so a history never depends on the platform.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    qint64 between(qint64 low, qint64 high) { return low + below(high - low + 1); }

private:
    quint64 m_state;
};

struct Category
{
    const ActivityTemplate *merchants;
    int count;
    qint64 minCents;
    qint64 maxCents;
    int weight;
};

const ActivityTemplate Groceries[] = {
    {"Whole Foods Market", 5411, "Grocery Stores, Supermarkets", "Austin, TX", false, 0, ""},
    {"Trader Joe's", 5411, "Grocery Stores, Supermarkets", "Palo Alto, CA", false, 0, ""},
    {"Safeway", 5411, "Grocery Stores, Supermarkets", "Mountain View, CA", false, 0, ""},
    {"Kroger", 5411, "Grocery Stores, Supermarkets", "Columbus, OH", false, 0, ""},
};
const ActivityTemplate Coffee[] = {
    {"Starbucks", 5814, "Fast Food Restaurants", "Seattle, WA", false, 0, ""},
    {"Blue Bottle Coffee", 5814, "Fast Food Restaurants", "Oakland, CA", false, 0, ""},
    {"Peet's Coffee", 5814, "Fast Food Restaurants", "Berkeley, CA", false, 0, ""},
};
const ActivityTemplate Fuel[] = {
    {"Shell", 5541, "Service Stations", "Sunnyvale, CA", false, 0, ""},
    {"Chevron", 5541, "Service Stations", "San Jose, CA", false, 0, ""},
    {"ExxonMobil", 5541, "Service Stations", "Houston, TX", false, 0, ""},
};
const ActivityTemplate Restaurants[] = {
    {"Chipotle Mexican Grill", 5812, "Eating Places, Restaurants", "Denver, CO", false, 0, ""},
    {"Sweetgreen", 5812, "Eating Places, Restaurants", "Los Angeles, CA", false, 0, ""},
    {"Olive Garden", 5812, "Eating Places, Restaurants", "Orlando, FL", false, 0, ""},
    {"The Cheesecake Factory", 5812, "Eating Places, Restaurants", "San Francisco, CA", false, 0,
     ""},
};
const ActivityTemplate Online[] = {
    {"Amazon.com", 5942, "Book Stores", "Seattle, WA", true, 0, ""},
    {"Etsy", 5999, "Miscellaneous and Specialty Retail Stores", "Brooklyn, NY", true, 0, ""},
    {"Best Buy", 5732, "Electronics Stores", "Richfield, MN", true, 0, ""},
    {"Target.com", 5310, "Discount Stores", "Minneapolis, MN", true, 0, ""},
};
const ActivityTemplate Transit[] = {
    {"Uber", 4121, "Taxicabs/Limousines", "San Francisco, CA", true, 0, ""},
    {"Lyft", 4121, "Taxicabs/Limousines", "San Francisco, CA", true, 0, ""},
    {"BART", 4111, "Local and Suburban Commuter Passenger Transportation", "Oakland, CA", false, 0,
     ""},
};
const ActivityTemplate Pharmacy[] = {
    {"CVS Pharmacy", 5912, "Drug Stores and Pharmacies", "Woonsocket, RI", false, 0, ""},
    {"Walgreens", 5912, "Drug Stores and Pharmacies", "Deerfield, IL", false, 0, ""},
};

const std::array<Category, 7> Categories = {{
    {Groceries, int(std::size(Groceries)), 1850, 14900, 26},
    {Coffee, int(std::size(Coffee)), 375, 1290, 22},
    {Fuel, int(std::size(Fuel)), 2800, 7400, 10},
    {Restaurants, int(std::size(Restaurants)), 1450, 9800, 16},
    {Online, int(std::size(Online)), 999, 18900, 12},
    {Transit, int(std::size(Transit)), 275, 4800, 9},
    {Pharmacy, int(std::size(Pharmacy)), 699, 6400, 5},
}};

const ActivityTemplate Atms[] = {
    {"Chase ATM", 6011, "", "University Ave, Palo Alto, CA", false, 0, ""},
    {"Allpoint ATM", 6011, "", "Castro St, Mountain View, CA", false, 250, ""},
    {"Wells Fargo ATM", 6011, "", "Market St, San Francisco, CA", false, 300, ""},
};
const ActivityTemplate Payroll[] = {
    {"Acme Corp", 0, "PAYROLL", "", false, 0, "021000021"},
    {"Globex Inc", 0, "PAYROLL", "", false, 0, "026009593"},
    {"Initech LLC", 0, "PAYROLL", "", false, 0, "121000248"},
};
const ActivityTemplate Bills[] = {
    {"PG&E", 0, "UTILITY", "", false, 0, "121000358"},
    {"Comcast", 0, "CABLE", "", false, 0, "031176110"},
    {"State Farm", 0, "INSURANCE", "", false, 0, "071000013"},
};
const ActivityTemplate SavingsTransfer = {"Chase Bank", 0, "TRANSFER", "", false, 0, "021000021"};
const ActivityTemplate CardSettlement = {"Square Inc", 0, "DEPOSIT", "", false, 0, "121140399"};
const ActivityTemplate BusinessPayroll = {"ADP", 0, "PAYROLL", "", false, 0, "021000021"};
const ActivityTemplate Payout = {"Stripe", 0, "PAYOUT", "", false, 0, "121000248"};
const ActivityTemplate MonthlyFee = {"Monthly service fee", 0, "", "", false, 0, ""};
const ActivityTemplate Interest = {"Interest payment", 0, "", "", false, 0, ""};

const ActivityTemplate DeclinedMerchants[] = {
    {"Best Buy", 5732, "Electronics Stores", "Richfield, MN", false, 0, ""},
    {"Delta Air Lines", 3058, "Airlines", "Atlanta, GA", true, 0, ""},
    {"Apple Store", 5732, "Electronics Stores", "Cupertino, CA", false, 0, ""},
};

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;

enum class Profile { Checking, Savings, Business };

Profile profileOf(const Account &account, const SandboxHistory::Plan &plan)
{
    if (account.depositProduct.contains(QLatin1String("saving"), Qt::CaseInsensitive))
        return Profile::Savings;
    return plan.business ? Profile::Business : Profile::Checking;
}

quint64 seedOf(const Account &account, quint64 salt)
{
    return quint64(account.id.toLongLong()) * 0x100000001b3ULL ^ salt;
}

// One event of a day before it gets its place in the list.
struct Event
{
    qint64 atMs = 0;
    AccountActivity::Record record;
    bool income = false; // its amount is set once the spending it pays for is known
};

class Generator
{
public:
    Generator(const Account &account, const AccountActivity &activity,
              const SandboxHistory::Plan &plan)
        : m_account(account)
        , m_plan(plan)
        , m_random(seedOf(account, 0x7472616e73ULL))
        , m_profile(profileOf(account, plan))
    {
        // A card that cannot pay today (lost, closed...) stopped being used half-way.
        const qint64 midwayMs = (QDateTime(plan.start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() +
                                 plan.end.toMSecsSinceEpoch()) /
                                2;
        for (qsizetype i = 0; i < activity.cards().size(); ++i) {
            const AccountActivity::CardRef &card = activity.cards().at(i);
            if (card.usedForPayments)
                m_cards.push_back({card.issuedAtMs, qint32(i),
                                   card.activeNow ? std::numeric_limits<qint64>::max() : midwayMs});
        }
        std::sort(m_cards.begin(), m_cards.end());
    }

    QList<AccountActivity::Record> run()
    {
        if (!m_plan.start.isValid() || !m_plan.end.isValid())
            return {};
        // An exact count fits in whole days: the day `end` falls on would be cut short.
        const QDate lastDay =
            m_plan.transactions > 0 ? m_plan.end.date().addDays(-1) : m_plan.end.date();
        const qint64 days = m_plan.start.daysTo(lastDay) + 1;
        if (days <= 0)
            return {};
        std::vector<Event> events;
        events.reserve(size_t(m_plan.transactions > 0 ? m_plan.transactions : days * 4));
        const qint64 endMs = m_plan.end.toMSecsSinceEpoch();
        qint64 dayIndex = 0;
        for (QDate day = m_plan.start; day <= lastDay; day = day.addDays(1), ++dayIndex) {
            const qint64 dayMs = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            std::vector<Event> today = m_plan.transactions > 0
                                           ? exactDay(day, dayMs, dayIndex, days)
                                           : naturalDay(day, dayMs);
            std::stable_sort(today.begin(), today.end(),
                             [](const Event &a, const Event &b) { return a.atMs < b.atMs; });
            for (Event &event : today) {
                if (event.atMs >= endMs)
                    break;
                event.record.createdAtMs = event.atMs;
                events.push_back(event);
            }
        }
        fundIncome(events);
        return withBalances(events);
    }

private:
    struct IssuedCard
    {
        qint64 issuedAtMs;
        qint32 slot;
        qint64 usableUntilMs = std::numeric_limits<qint64>::max();
        bool operator<(const IssuedCard &other) const
        {
            return issuedAtMs != other.issuedAtMs ? issuedAtMs < other.issuedAtMs
                                                  : slot < other.slot;
        }
    };

    // A card of the account that existed at `atMs`, or -1.
    qint32 cardAt(qint64 atMs)
    {
        const auto issued =
            std::upper_bound(m_cards.begin(), m_cards.end(),
                             IssuedCard{atMs, std::numeric_limits<qint32>::max(), 0});
        const qint64 count = issued - m_cards.begin();
        // A few tries rather than a list of the usable ones: 5000 cards, 200 000 purchases.
        for (int attempt = 0; count > 0 && attempt < 4; ++attempt) {
            const IssuedCard &card = m_cards.at(size_t(m_random.below(count)));
            if (card.usableUntilMs > atMs)
                return card.slot;
        }
        return -1;
    }

    qint64 timeIn(qint64 dayMs, int fromMinute, int toMinute)
    {
        return dayMs + m_random.between(fromMinute, toMinute) * MinuteMs + m_random.below(MinuteMs);
    }

    static Event event(qint64 atMs, TransactionKind kind, Direction direction, qint64 amount,
                       const ActivityTemplate *what, qint32 card = -1)
    {
        Event e;
        e.atMs = atMs;
        e.record.kind = kind;
        e.record.direction = direction;
        e.record.amount = amount;
        e.record.what = what;
        e.record.card = card;
        return e;
    }

    Event income(qint64 atMs, const ActivityTemplate *what)
    {
        Event e = event(atMs, TransactionKind::ReceivedAch, Direction::Credit, 0, what);
        e.income = true;
        return e;
    }

    // A card purchase (or, now and then, an ATM withdrawal) on a card that existed then;
    // nothing when the account had no card yet.
    std::optional<Event> cardSpending(qint64 dayMs)
    {
        const qint64 atMs = timeIn(dayMs, 13 * 60, 23 * 60 + 59);
        const qint32 card = cardAt(atMs);
        if (card < 0)
            return std::nullopt;
        if (m_random.below(14) == 0) {
            const ActivityTemplate *atm = &Atms[m_random.below(qint64(std::size(Atms)))];
            return event(atMs, TransactionKind::Atm, Direction::Debit,
                         m_random.between(2, 12) * 2000 + atm->surcharge, atm, card);
        }
        int totalWeight = 0;
        for (const Category &c : Categories)
            totalWeight += c.weight;
        qint64 pick = m_random.below(totalWeight);
        const Category *category = &Categories.front();
        for (const Category &c : Categories) {
            if (pick < c.weight) {
                category = &c;
                break;
            }
            pick -= c.weight;
        }
        const ActivityTemplate *merchant = &category->merchants[m_random.below(category->count)];
        return event(atMs, TransactionKind::Purchase, Direction::Debit,
                     m_random.between(category->minCents, category->maxCents), merchant, card);
    }

    std::vector<Event> naturalDay(const QDate &day, qint64 dayMs)
    {
        std::vector<Event> today;
        switch (m_profile) {
        case Profile::Checking: {
            if (day.day() == 1)
                today.push_back(event(dayMs + 8 * 60 * MinuteMs, TransactionKind::Fee,
                                      Direction::Debit, 500, &MonthlyFee));
            if (day.day() == 1 || day.day() == 15)
                today.push_back(income(dayMs + 10 * 60 * MinuteMs,
                                       &Payroll[seedOf(m_account, 0) % std::size(Payroll)]));
            if (day.day() == 5 || day.day() == 12 || day.day() == 20) {
                const ActivityTemplate *bill = &Bills[day.day() % std::size(Bills)];
                today.push_back(event(timeIn(dayMs, 11 * 60, 12 * 60), TransactionKind::ReceivedAch,
                                      Direction::Debit, m_random.between(4500, 16500), bill));
            }
            const qint64 purchases = m_random.below(5);
            for (qint64 i = 0; i < purchases; ++i) {
                if (std::optional<Event> e = cardSpending(dayMs))
                    today.push_back(*e);
            }
            break;
        }
        case Profile::Savings:
            if (day.day() == 1)
                today.push_back(event(dayMs + 7 * 60 * MinuteMs, TransactionKind::Interest,
                                      Direction::Credit, m_random.between(900, 2400), &Interest));
            if (day.day() == 15)
                today.push_back(event(dayMs + 10 * 60 * MinuteMs, TransactionKind::ReceivedAch,
                                      Direction::Credit, m_random.between(20, 60) * 2500,
                                      &SavingsTransfer));
            break;
        case Profile::Business:
            if (day.day() == 1)
                today.push_back(event(dayMs + 8 * 60 * MinuteMs, TransactionKind::Fee,
                                      Direction::Debit, 1500, &MonthlyFee));
            if (day.dayOfWeek() <= 5)
                today.push_back(income(timeIn(dayMs, 9 * 60, 10 * 60), &CardSettlement));
            if (day.dayOfWeek() == 5)
                today.push_back(event(timeIn(dayMs, 11 * 60, 12 * 60), TransactionKind::ReceivedAch,
                                      Direction::Debit, m_random.between(380000, 520000),
                                      &BusinessPayroll));
            if (day.day() == 3 || day.day() == 17)
                today.push_back(event(timeIn(dayMs, 11 * 60, 12 * 60), TransactionKind::ReceivedAch,
                                      Direction::Debit, m_random.between(45000, 125000),
                                      &Bills[day.day() % 3]));
            break;
        }
        return today;
    }

    // `m_plan.transactions` spread evenly over the days: a payout each day, the fee on the 1st,
    // and card spending for the rest.
    std::vector<Event> exactDay(const QDate &day, qint64 dayMs, qint64 dayIndex, qint64 days)
    {
        // Spread evenly: day d gets floor((d+1)N/D) - floor(dN/D), together exactly N.
        const qint64 count =
            (dayIndex + 1) * m_plan.transactions / days - dayIndex * m_plan.transactions / days;
        std::vector<Event> today;
        if (count > 0)
            today.push_back(income(dayMs + 9 * 60 * MinuteMs, &Payout));
        if (day.day() == 1 && qint64(today.size()) < count)
            today.push_back(event(dayMs + 8 * 60 * MinuteMs, TransactionKind::Fee, Direction::Debit,
                                  500, &MonthlyFee));
        while (qint64(today.size()) < count) {
            std::optional<Event> e = cardSpending(dayMs);
            // No card yet: a bill instead, so the count stays exact.
            today.push_back(e ? *e
                              : event(timeIn(dayMs, 11 * 60, 12 * 60), TransactionKind::ReceivedAch,
                                      Direction::Debit, m_random.between(4500, 16500),
                                      &Bills[m_random.below(qint64(std::size(Bills)))]));
        }
        return today;
    }

    // Each income pays for the spending until the next one, give or take: a little more for a
    // natural history, a little less for an exact one, whose balances must then only grow
    // going back in time (never below zero, and no record is ever dropped from the count).
    void fundIncome(std::vector<Event> &events)
    {
        const bool exact = m_plan.transactions > 0;
        qint64 spent = 0;
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
            if (!it->income) {
                if (it->record.direction == Direction::Debit)
                    spent += it->record.amount;
                continue;
            }
            const qint64 percent = exact ? m_random.between(95, 99) : m_random.between(98, 106);
            it->record.amount = std::max<qint64>(spent * percent / 100, exact ? 100 : 150000);
            spent = 0;
        }
    }

    // From the account's balance backwards. An income that would leave an earlier balance
    // below zero is left out (natural histories only; see fundIncome()).
    QList<AccountActivity::Record> withBalances(std::vector<Event> &events)
    {
        std::vector<bool> keep(events.size(), true);
        qint64 balance = m_account.balance;
        for (size_t i = events.size(); i-- > 0;) {
            AccountActivity::Record &r = events[i].record;
            const qint64 signedAmount = r.direction == Direction::Debit ? -r.amount : r.amount;
            if (balance - signedAmount < 0 && m_plan.transactions == 0) {
                keep[i] = false;
                continue;
            }
            r.balance = balance;
            balance -= signedAmount;
        }
        QList<AccountActivity::Record> records;
        records.reserve(qsizetype(events.size()));
        for (size_t i = 0; i < events.size(); ++i) {
            if (keep[i])
                records.append(events[i].record);
        }
        return records;
    }

    const Account &m_account;
    const SandboxHistory::Plan &m_plan;
    Random m_random;
    Profile m_profile;
    std::vector<IssuedCard> m_cards;
};

Authorization authorizationOf(const Account &account, const AccountActivity::CardRef &card,
                              const ActivityTemplate &merchant, qint64 atMs, qint64 amount)
{
    Authorization a;
    a.createdAt = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    a.amount = amount;
    a.cardLast4Digits = card.last4Digits;
    a.merchant = Merchant{QString::fromUtf8(merchant.name),
                          merchant.merchantType,
                          QString::fromUtf8(merchant.category),
                          QString::fromUtf8(merchant.location),
                          {}};
    a.cardNetwork = QStringLiteral("Visa");
    a.accountId = account.id;
    a.customerId = account.customerId;
    a.cardId = card.id;
    return a;
}

} // namespace

SandboxHistory::Plan SandboxHistory::defaultPlan(const Account &account, const QDateTime &end)
{
    Plan plan;
    plan.end = end;
    if (account.status == AccountStatus::Closed) {
        plan.start = end.date().addDays(1); // nothing
        return plan;
    }
    const QDate sixMonthsBack = QDate(end.date().year(), end.date().month(), 1).addMonths(-6);
    plan.start = std::max(sixMonthsBack, account.createdAt.toUTC().date().addDays(1));
    return plan;
}

AccountActivity SandboxHistory::prepare(const Account &account, const QList<const Card *> &cards,
                                        const Plan &plan)
{
    QList<AccountActivity::CardRef> refs;
    refs.reserve(cards.size());
    for (const Card *cardPointer : cards) {
        const Card &card = *cardPointer;
        AccountActivity::CardRef ref;
        ref.id = card.id;
        ref.last4Digits = card.last4Digits;
        ref.issuedAtMs = card.createdAt.toMSecsSinceEpoch();
        ref.usedForPayments = card.status != CardStatus::Inactive;
        ref.activeNow =
            card.status == CardStatus::Active || card.status == CardStatus::ActiveForOnlineUse;
        refs.append(ref);
    }
    AccountActivity activity(account.id, account.customerId, refs);

    QList<Authorization> authorizations;
    Random random(seedOf(account, 0x61757468ULL));
    const qint64 startMs = QDateTime(plan.start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 endMs = plan.end.toMSecsSinceEpoch();
    const qint64 spanMs = endMs - startMs;
    auto cardAt = [&refs, &random](qint64 atMs,
                                   bool activeNow) -> const AccountActivity::CardRef * {
        QList<const AccountActivity::CardRef *> candidates;
        for (const AccountActivity::CardRef &ref : refs) {
            if (ref.issuedAtMs <= atMs && ref.usedForPayments && (!activeNow || ref.activeNow))
                candidates.append(&ref);
        }
        return candidates.isEmpty() ? nullptr : candidates.at(random.below(candidates.size()));
    };

    // A few declined ones across the months: too expensive for the balance, or over a limit.
    if (spanMs > 30 * DayMs) {
        for (int k = 0; k < 3; ++k) {
            const qint64 atMs =
                startMs + spanMs * (k + 1) / 4 + random.between(17 * 60, 21 * 60) * MinuteMs;
            const AccountActivity::CardRef *card = cardAt(atMs, false);
            if (!card)
                continue;
            Authorization a = authorizationOf(account, *card, DeclinedMerchants[k], atMs,
                                              random.between(84500, 249999));
            a.status = AuthorizationStatus::Declined;
            a.declineReason = k == 2 ? QStringLiteral("CardExceedsAmountLimit")
                                     : QStringLiteral("InsufficientFunds");
            authorizations.append(a);
        }
    }

    // Two or three pending in the last days, together never more than a third of the balance.
    const qint64 pendingCount =
        account.balance > 0 && spanMs > 3 * DayMs ? random.between(2, 3) : 0;
    qint64 held = 0;
    QList<Authorization> pending;
    for (qint64 k = pendingCount; k > 0; --k) {
        const qint64 atMs = endMs - k * 17 * 60 * MinuteMs - random.below(60 * MinuteMs);
        const AccountActivity::CardRef *card = cardAt(atMs, true);
        const Category &category = Categories.at(size_t(random.below(qint64(Categories.size()))));
        const qint64 amount = random.between(category.minCents, category.maxCents);
        if (!card || held + amount > account.balance / 3)
            continue;
        Authorization a = authorizationOf(
            account, *card, category.merchants[random.below(category.count)], atMs, amount);
        a.status = AuthorizationStatus::Authorized;
        held += amount;
        pending.append(a);
    }
    authorizations.append(pending);
    for (Authorization &a : authorizations)
        a.statusName = authorizationStatusName(a.status);
    std::stable_sort(
        authorizations.begin(), authorizations.end(),
        [](const Authorization &a, const Authorization &b) { return a.createdAt < b.createdAt; });
    activity.setAuthorizations(authorizations);

    // A statement for every month that ended within the history.
    QList<Statement> statements;
    QDate month(plan.start.year(), plan.start.month(), 1);
    const QDate endMonth(plan.end.date().year(), plan.end.date().month(), 1);
    for (; plan.start <= plan.end.date() && month < endMonth; month = month.addMonths(1)) {
        Statement s;
        s.id = QString::number(account.id.toLongLong() * AccountActivity::IdFactor +
                               statements.size());
        s.period = month.toString(QStringLiteral("yyyy-MM"));
        s.accountId = account.id;
        s.customerId = account.customerId;
        statements.append(s);
    }
    activity.setStatements(statements);
    return activity;
}

QList<AccountActivity::Record> SandboxHistory::transactions(const Account &account,
                                                            const AccountActivity &activity,
                                                            const Plan &plan)
{
    return Generator(account, activity, plan).run();
}

} // namespace tessera::sandbox
