#include "ReplaceCardDialog.h"

#include "AddressForm.h"
#include "AddressRules.h"
#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardReplacement.h"
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
    , m_replacement(new CardReplacement(backend, this))
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
    connect(m_replacement, &CardReplacement::replaced, this, &ReplaceCardDialog::finish);
    connect(m_replacement, &CardReplacement::failed, this, &ReplaceCardDialog::onReplaceFailed);
    connect(m_replacement, &CardReplacement::cancelled, this,
            &ReplaceCardDialog::onConfirmationCancelled);

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
    delete m_replacement;
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
    m_replacement->start(m_card, m_form ? std::optional<Address>(m_form->address()) : std::nullopt);
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
                                .arg(UserFacingError(reply->error()).message()));
            return;
        }
        m_note->hide();
        // Whatever the customer typed meanwhile wins over the address on file.
        if (m_form->address() == Address())
            m_form->setAddress(reply->valueAs<Customer>().address);
    });
}

void ReplaceCardDialog::onReplaceFailed(const ApiError &error)
{
    setBusy(false);
    const QList<AddressRules::Problem> addressProblems = AddressRules::problemsIn(error);
    if (m_form && !addressProblems.isEmpty()) {
        m_form->showServerProblems(addressProblems);
        return;
    }
    UserFacingError::log(error, "replace");
    if (error.kind == ApiError::Kind::OutcomeUnknown) {
        // Neither "replaced" nor "not replaced" would be the truth.
        showError(UserFacingError(error).message());
        return;
    }
    showError(tr("Card not replaced. %1").arg(UserFacingError(error).message()));
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
