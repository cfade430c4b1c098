#include "ReviewPage.h"

#include "AddressForm.h"
#include "Style.h"

#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace tessera::ui {

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_kind(new QLabel(this))
    , m_account(new QLabel(this))
    , m_addressLabel(new QLabel(tr("Mail to:"), this))
    , m_address(new QLabel(this))
    , m_confirmNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_busyText(new QLabel(tr("Creating your card…"), this))
    , m_busyBar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review and create"));
    setSubTitle(tr("Check the details, then create the card."));
    setCommitPage(true);

    m_kind->setObjectName(QStringLiteral("reviewKind"));
    m_account->setObjectName(QStringLiteral("reviewAccount"));
    m_address->setObjectName(QStringLiteral("reviewAddress"));
    for (QLabel *value : {m_kind, m_account, m_address}) {
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
    }

    m_confirmNote->setObjectName(QStringLiteral("reviewConfirmNote"));
    m_confirmNote->setWordWrap(true);
    m_confirmNote->setText(tr("Creating a card needs extra confirmation: you may be asked for a "
                              "one-time code sent to your phone."));

    m_error->setObjectName(QStringLiteral("submitError"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::markAsError(m_error);
    m_error->hide();

    m_busyText->setObjectName(QStringLiteral("submitBusyText"));
    m_busyText->hide();
    m_busyBar->setObjectName(QStringLiteral("submitBusy"));
    Style::makeBusyBar(m_busyBar);
    m_busyBar->setAccessibleName(tr("Creating the card"));
    m_busyBar->hide();

    auto *summary = new QFormLayout;
    summary->setLabelAlignment(Qt::AlignRight);
    summary->addRow(tr("Card:"), m_kind);
    summary->addRow(tr("Account:"), m_account);
    summary->addRow(m_addressLabel, m_address);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(summary);
    layout->addSpacing(12);
    layout->addWidget(m_confirmNote);
    layout->addStretch();
    layout->addWidget(m_error);
    layout->addWidget(m_busyText);
    layout->addWidget(m_busyBar);
}

void ReviewPage::setSummary(const QString &kind, const QString &account,
                            const std::optional<Address> &shippingAddress)
{
    m_kind->setText(kind);
    m_account->setText(account);
    m_addressLabel->setVisible(shippingAddress.has_value());
    m_address->setVisible(shippingAddress.has_value());
    m_address->setText(shippingAddress ? AddressForm::displayText(*shippingAddress) : QString());
}

void ReviewPage::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_busyText->setText(tr("Creating your card…"));
    m_busyText->setVisible(busy);
    m_busyBar->setVisible(busy);
    emit completeChanged();
}

void ReviewPage::showRetrying(int attempt, int maxAttempts, const QString &reason)
{
    m_busyText->setText(
        tr("%1 Trying again (attempt %2 of %3)…").arg(reason).arg(attempt).arg(maxAttempts));
}

void ReviewPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ReviewPage::clearError()
{
    m_error->clear();
    m_error->hide();
}

bool ReviewPage::isComplete() const
{
    return !m_busy;
}

bool ReviewPage::validatePage()
{
    return m_submit ? m_submit() : false;
}

} // namespace tessera::ui
