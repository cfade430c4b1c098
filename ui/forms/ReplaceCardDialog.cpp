#include "ReplaceCardDialog.h"

#include "AddressForm.h"
#include "AddressRules.h"
#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardsModel.h"
#include "Session.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

ReplaceCardDialog::ReplaceCardDialog(Backend *backend, const Card &card, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_card(card)
    , m_error(new QLabel(this))
    , m_busyText(new QLabel(tr("Replacing your card…"), this))
    , m_busyBar(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("replaceCardDialog"));
    setWindowTitle(tr("Replace card"));
    setModal(true);

    const QString kind = CardsModel::kindText(card);
    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("replaceExplanation"));
    explanation->setWordWrap(true);
    explanation->setText(
        card.isVirtual()
            ? tr("Your %1 ending in %2 will stop working, and a new virtual card with a new "
                 "number will be ready at once. Update any merchants that keep the old number.")
                  .arg(kind.toLower(), card.last4Digits)
            : tr("Your %1 ending in %2 will stop working, and a new card with a new number "
                 "will be mailed to the address below. Activate it when it arrives.")
                  .arg(kind.toLower(), card.last4Digits));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);

    if (!card.isVirtual()) {
        m_note = new QLabel(this);
        m_note->setObjectName(QStringLiteral("replaceAddressNote"));
        m_note->setWordWrap(true);
        m_note->hide();
        m_form = new AddressForm(this);
        m_form->setObjectName(QStringLiteral("replaceAddressForm"));
        layout->addSpacing(8);
        layout->addWidget(m_note);
        layout->addWidget(m_form);
        if (card.shippingAddress)
            m_form->setAddress(*card.shippingAddress);
        else
            loadCustomerAddress();
        connect(m_form, &AddressForm::changed, this, [this] {
            if (!m_busy)
                m_error->hide();
        });
    }

    m_error->setObjectName(QStringLiteral("replaceError"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::markAsError(m_error);
    m_error->hide();

    m_busyText->setObjectName(QStringLiteral("replaceBusyText"));
    m_busyText->hide();
    m_busyBar->setObjectName(QStringLiteral("replaceBusy"));
    Style::makeBusyBar(m_busyBar);
    m_busyBar->setAccessibleName(tr("Replacing the card"));
    m_busyBar->hide();

    m_replace = m_buttons->addButton(tr("&Replace card"), QDialogButtonBox::AcceptRole);
    m_replace->setObjectName(QStringLiteral("replaceButton"));
    m_replace->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("replaceCancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReplaceCardDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReplaceCardDialog::reject);

    layout->addStretch();
    layout->addWidget(m_error);
    layout->addWidget(m_busyText);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_buttons);

    if (m_form) {
        setTabOrder(m_form, m_replace);
        m_form->setFocus();
    }
    resize(480, sizeHint().height());
}

ReplaceCardDialog::~ReplaceCardDialog()
{
    // ~ApiReply stops the request without reporting to this half-destroyed object.
    delete m_pending;
    delete m_customerJob;
}

void ReplaceCardDialog::accept()
{
    if (m_done) {
        QDialog::accept();
        return;
    }
    if (m_busy)
        return;
    m_error->hide();
    if (m_form && !m_form->validate())
        return;
    setBusy(true);
    sendReplaceRequest();
}

void ReplaceCardDialog::reject()
{
    // Once the request is out the card may already be replaced; wait for the answer.
    if (m_busy)
        return;
    QDialog::reject();
}

void ReplaceCardDialog::loadCustomerAddress()
{
    m_note->setText(tr("Loading your address on file…"));
    m_note->show();
    ApiClient *api = m_backend->api();
    const QString customerId = m_backend->session()->customerId();
    m_customerJob =
        m_backend->startJob([api, customerId] { return api->getCustomer(customerId); }, this);
    connect(m_customerJob, &ApiJob::finished, this, [this] {
        ApiJob *reply = m_customerJob;
        m_customerJob = nullptr;
        reply->deleteLater();
        if (reply->hasError()) {
            m_note->setText(tr("Your address on file could not be loaded (%1). Enter the "
                               "address to mail the new card to.")
                                .arg(reply->error().message()));
            return;
        }
        m_note->hide();
        // Whatever the customer typed meanwhile wins over the address on file.
        if (m_form->address() == Address())
            m_form->setAddress(reply->valueAs<Customer>().address);
    });
}

void ReplaceCardDialog::sendReplaceRequest()
{
    const std::optional<Address> address =
        m_form ? std::optional<Address>(m_form->address()) : std::nullopt;
    ApiClient *api = m_backend->api();
    const QString cardId = m_card.id;
    m_pending = m_backend->startJob(
        [api, cardId, address] { return api->replaceCard(cardId, address); }, this);
    connect(m_pending, &ApiJob::finished, this, &ReplaceCardDialog::onReplaceFinished);
}

void ReplaceCardDialog::onReplaceFinished()
{
    ApiJob *job = m_pending;
    m_pending = nullptr;
    job->deleteLater();
    if (!job->hasError()) {
        recordReplacement(job->valueAs<Card>());
        return;
    }
    if (job->isCancelled()) {
        onConfirmationCancelled();
        return;
    }
    const ApiError error = job->error();
    setBusy(false);
    const QList<AddressRules::Problem> addressProblems = AddressRules::problemsIn(error);
    if (m_form && !addressProblems.isEmpty()) {
        m_form->showServerProblems(addressProblems);
        return;
    }
    showError(tr("Card not replaced: %1").arg(error.message()));
}

// Same scope and card as the replace, so the token just verified for it covers this too: no
// second code. Failing leaves the card replaced all the same; it is only logged.
void ReplaceCardDialog::recordReplacement(const Card &newCard)
{
    ApiClient *api = m_backend->api();
    const Card oldCard = m_card;
    const QString newId = newCard.id;
    m_pending = m_backend->startJob(
        [api, oldCard, newId] { return api->recordCardReplacement(oldCard, newId); }, this);
    connect(m_pending, &ApiJob::finished, this, [this, newCard] {
        ApiJob *job = m_pending;
        m_pending = nullptr;
        job->deleteLater();
        if (job->hasError())
            UserFacingError::log(job->error(), "recording the replacement on the old card");
        finish(newCard);
    });
}

void ReplaceCardDialog::finish(const Card &newCard)
{
    setBusy(false);
    m_done = true;
    emit cardReplaced(newCard);
    QDialog::accept();
}

void ReplaceCardDialog::onConfirmationCancelled()
{
    setBusy(false);
    if (!m_backend->session()->isActive())
        showError(tr("Card not replaced: you are signed out. Sign in again to replace it."));
    else
        showError(tr("Card not replaced: confirmation was cancelled."));
}

void ReplaceCardDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyText->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (m_form)
        m_form->setEnabled(!busy);
    for (QAbstractButton *b : m_buttons->buttons())
        b->setEnabled(!busy);
}

void ReplaceCardDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace tessera::ui
