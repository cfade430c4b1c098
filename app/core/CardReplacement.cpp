#include "CardReplacement.h"

#include "ApiClient.h"
#include "Backend.h"
#include "Logging.h"
#include "Page.h"
#include "Requests.h"
#include "UserFacingError.h"

namespace tessera {

CardReplacement::CardReplacement(Backend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{}

bool CardReplacement::start(const Card &oldCard, const std::optional<Address> &shippingAddress)
{
    if (m_job)
        return false;
    m_oldCard = oldCard;
    m_shippingAddress = shippingAddress;
    m_newestBefore.clear();
    m_sawAccountBefore = false;
    // What the account looked like before: the only way to tell a lost answer's new card from
    // one that was already there.
    ApiJob *job = newestCardsOnAccount(1);
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->isCancelled()) {
            finishWith(std::nullopt, ApiError::cancelled());
            return;
        }
        if (!job->hasError()) {
            m_sawAccountBefore = true;
            const CardPage page = job->valueAs<CardPage>();
            if (!page.items.isEmpty())
                m_newestBefore = page.items.first().id;
        } else {
            UserFacingError::log(job->error(), "listing the account's cards before a replace");
        }
        sendReplace();
    });
    return true;
}

ApiJob *CardReplacement::newestCardsOnAccount(int limit)
{
    CardListQuery query;
    query.accountId = m_oldCard.accountId;
    query.sort = CardSort::NewestFirst;
    query.limit = limit;
    ApiClient *api = m_backend->api();
    m_job = m_backend->startJob([api, query] { return api->listCards(query); }, this);
    return m_job;
}

void CardReplacement::sendReplace()
{
    ApiClient *api = m_backend->api();
    const QString cardId = m_oldCard.id;
    const std::optional<Address> address = m_shippingAddress;
    ApiJob *job = m_backend->startJob(
        [api, cardId, address] { return api->replaceCard(cardId, address); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->error().kind == ApiError::Kind::OutcomeUnknown) {
            findOutcome(job->error());
            return;
        }
        if (job->isCancelled()) {
            m_job = nullptr;
            emit cancelled();
            return;
        }
        if (job->hasError()) {
            finishWith(std::nullopt, job->error());
            return;
        }
        recordOnOldCard(job->valueAs<Card>());
    });
}

void CardReplacement::findOutcome(const ApiError &unknown)
{
    qCInfo(lcApi).noquote() << "replace got no answer; listing the account's newest cards to see "
                               "whether a replacement exists";
    if (!m_sawAccountBefore) {
        finishWith(std::nullopt, unknown);
        return;
    }
    ApiJob *job = newestCardsOnAccount(10);
    connect(job, &ApiJob::finished, this, [this, job, unknown] {
        job->deleteLater();
        if (job->hasError()) {
            UserFacingError::log(job->error(), "listing the account's cards after a lost answer");
            finishWith(std::nullopt, unknown); // still unknown: say so rather than guess
            return;
        }
        // Newest first: everything before the card that was newest before is new.
        for (const Card &card : job->valueAs<CardPage>().items) {
            if (card.id == m_newestBefore)
                break;
            if (card.id != m_oldCard.id && card.isVirtual() == m_oldCard.isVirtual()) {
                qCInfo(lcApi).noquote() << "the replacement exists:" << card.id;
                recordOnOldCard(card);
                return;
            }
        }
        qCInfo(lcApi).noquote() << "no replacement exists: the replace was not done";
        finishWith(std::nullopt,
                   ApiError::network(tr("The connection dropped before the bank answered, and "
                                        "no new card exists: the card was not replaced. You can "
                                        "try again.")));
    });
}

void CardReplacement::recordOnOldCard(const Card &newCard)
{
    ApiClient *api = m_backend->api();
    const Card oldCard = m_oldCard;
    const QString newId = newCard.id;
    ApiJob *job = m_backend->startJob(
        [api, oldCard, newId] { return api->recordCardReplacement(oldCard, newId); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job, newCard] {
        job->deleteLater();
        // The card is replaced all the same; a missing link only means Replace… is offered
        // again for the old card, so it is logged, not shown.
        if (job->hasError())
            UserFacingError::log(job->error(), "recording the replacement on the old card");
        finishWith(newCard);
    });
}

void CardReplacement::finishWith(const std::optional<Card> &newCard, const ApiError &error)
{
    m_job = nullptr;
    if (newCard)
        emit replaced(*newCard);
    else if (error.kind == ApiError::Kind::Cancelled)
        emit cancelled();
    else
        emit failed(error);
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_CardReplacement.cpp"
