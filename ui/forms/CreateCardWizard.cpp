#include "CreateCardWizard.h"

#include "AddressForm.h"
#include "AddressRules.h"
#include "ApiClient.h"
#include "ApiJob.h"
#include "Backend.h"
#include "CardCreatedPage.h"
#include "CardKindPage.h"
#include "CardsModel.h"
#include "FundingAccountPage.h"
#include "ReviewPage.h"
#include "Session.h"
#include "ShippingAddressPage.h"
#include "UserFacingError.h"

#include <QAbstractButton>
#include <QUuid>

namespace tessera::ui {

CreateCardWizard::CreateCardWizard(Backend *backend, QWidget *parent)
    : QWizard(parent)
    , m_backend(backend)
    , m_kindPage(new CardKindPage(this))
    , m_accountPage(new FundingAccountPage(backend, this))
    , m_addressPage(new ShippingAddressPage(backend, this))
    , m_reviewPage(new ReviewPage(this))
    , m_resultPage(new CardCreatedPage(this))
    , m_idempotencyKey(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(QStringLiteral("createCardWizard"));
    setWindowTitle(tr("New card"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    setPage(KindPageId, m_kindPage);
    setPage(AccountPageId, m_accountPage);
    setPage(AddressPageId, m_addressPage);
    setPage(ReviewPageId, m_reviewPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(KindPageId);

    setButtonText(QWizard::CommitButton, tr("&Create card"));
    button(QWizard::CommitButton)->setObjectName(QStringLiteral("createCardButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancelButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
    m_reviewPage->setSubmitHandler([this] { return commit(); });

    resize(560, 480);
}

CreateCardWizard::~CreateCardWizard()
{
    // ~ApiJob stops the request without reporting to this half-destroyed object.
    delete m_pending;
}

CreateCardRequest CreateCardWizard::request() const
{
    CreateCardRequest request;
    request.type = m_kindPage->cardType();
    if (const std::optional<Account> account = m_accountPage->selectedAccount()) {
        request.accountId = account->id;
        request.accountType = account->type;
    }
    if (!m_kindPage->isVirtual())
        request.shippingAddress = m_addressPage->form()->address();
    request.idempotencyKey = m_idempotencyKey;
    return request;
}

int CreateCardWizard::nextId() const
{
    switch (currentId()) {
    case KindPageId:
        return AccountPageId;
    case AccountPageId:
        // Virtual cards are not mailed.
        return m_kindPage->isVirtual() ? ReviewPageId : AddressPageId;
    case AddressPageId:
        return ReviewPageId;
    case ReviewPageId:
        return ResultPageId;
    default:
        return -1;
    }
}

void CreateCardWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id != ReviewPageId)
        return;
    const CreateCardRequest r = request();
    const std::optional<Account> account = m_accountPage->selectedAccount();
    m_reviewPage->setSummary(CardsModel::kindText(r.type),
                             account ? FundingAccountPage::describe(*account) : QString(),
                             r.shippingAddress);
    m_reviewPage->clearError();
}

void CreateCardWizard::reject()
{
    // The request is already on its way; closing now would hide whether the card was made.
    if (m_submitting)
        return;
    QWizard::reject();
}

bool CreateCardWizard::commit()
{
    if (m_createdCard)
        return true;
    submit();
    return false;
}

void CreateCardWizard::submit()
{
    if (m_submitting || m_createdCard)
        return;
    m_reviewPage->clearError();
    setSubmitting(true);
    sendCreateRequest();
}

void CreateCardWizard::sendCreateRequest()
{
    ApiClient *api = m_backend->api();
    // Made once: a re-send after a code carries the same idempotencyKey, so it can never make
    // a second card.
    const CreateCardRequest create = request();
    m_pending = m_backend->startJob([api, create] { return api->createCard(create); }, this);
    connect(m_pending, &ApiJob::finished, this, &CreateCardWizard::onCreateFinished);
    connect(m_pending, &ApiJob::retrying, this, [this](int attempt, int, const ApiError &error) {
        m_reviewPage->showRetrying(attempt, m_backend->api()->retryPolicy().maxAttempts,
                                   UserFacingError(error).message());
    });
}

void CreateCardWizard::onCreateFinished()
{
    ApiJob *job = m_pending;
    m_pending = nullptr;
    job->deleteLater();
    if (!job->hasError()) {
        finishCreated(job->valueAs<Card>());
        return;
    }
    if (job->isCancelled()) {
        onConfirmationCancelled();
        return;
    }
    const ApiError error = job->error();
    UserFacingError::log(error, "create card");
    setSubmitting(false);

    const QList<AddressRules::Problem> addressProblems = AddressRules::problemsIn(error);
    if (!addressProblems.isEmpty() && !m_kindPage->isVirtual() && currentId() == ReviewPageId) {
        m_reviewPage->showError(tr("Card not created: %1").arg(UserFacingError(error).message()));
        back();
        m_addressPage->form()->showServerProblems(addressProblems);
        return;
    }
    m_reviewPage->showError(
        error.isRetryable()
            ? tr("Card not created: %1 Nothing you entered is lost; choose Create card to try "
                 "again.")
                  .arg(UserFacingError(error).message())
            : tr("Card not created: %1").arg(UserFacingError(error).message()));
}

void CreateCardWizard::onConfirmationCancelled()
{
    setSubmitting(false);
    if (!m_backend->session()->isActive())
        m_reviewPage->showError(tr("Card not created: you are signed out. Sign in again to "
                                   "create the card."));
    else
        m_reviewPage->showError(tr("Card not created: confirmation was cancelled."));
}

void CreateCardWizard::finishCreated(const Card &card)
{
    m_createdCard = card;
    m_resultPage->setCard(card);
    setSubmitting(false);
    emit cardCreated(card);
    if (currentId() == ReviewPageId)
        next(); // commit() now returns true, so this moves on to the result
}

void CreateCardWizard::setSubmitting(bool submitting)
{
    m_submitting = submitting;
    // The page's completeChanged() makes QWizard recompute its buttons (commit greys out);
    // Back and Cancel follow here, after it, so that QWizard does not re-enable them.
    m_reviewPage->setBusy(submitting);
    if (submitting)
        button(QWizard::BackButton)->setEnabled(false);
    button(QWizard::CancelButton)->setEnabled(!submitting);
}

} // namespace tessera::ui
