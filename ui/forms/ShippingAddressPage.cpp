#include "ShippingAddressPage.h"

#include "AddressForm.h"
#include "ApiClient.h"
#include "Backend.h"
#include "Session.h"
#include "UserFacingError.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tessera::ui {

ShippingAddressPage::ShippingAddressPage(Backend *backend, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_note(new QLabel(this))
    , m_form(new AddressForm(this))
{
    setObjectName(QStringLiteral("shippingAddressPage"));
    setTitle(tr("Where should we mail the card?"));
    setSubTitle(tr("The card is mailed to this address. Changing it here does not change the "
                   "address on your profile."));

    m_note->setObjectName(QStringLiteral("addressNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    connect(m_form, &AddressForm::changed, this, [this] { m_edited = true; });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_form);
    layout->addStretch();
}

ShippingAddressPage::~ShippingAddressPage()
{
    // ~ApiReply stops the request without reporting to this half-destroyed object.
    delete m_reply;
}

void ShippingAddressPage::initializePage()
{
    if (!m_prefillDone && !m_reply)
        loadCustomerAddress();
    m_form->setFocus();
}

bool ShippingAddressPage::isComplete() const
{
    // Not "is the address valid": that would grey out Next without saying why.
    return m_reply.isNull();
}

bool ShippingAddressPage::validatePage()
{
    return m_form->validate();
}

void ShippingAddressPage::loadCustomerAddress()
{
    m_note->setText(tr("Loading your address on file…"));
    m_note->show();
    m_edited = false;
    m_reply = m_backend->api()->getCustomer(m_backend->session()->customerId());
    emit completeChanged();
    connect(m_reply, &ApiReply::finished, this, [this] {
        ApiReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        m_prefillDone = true;
        if (reply->hasError()) {
            // Not worth blocking the wizard for: the customer can type the address.
            m_note->setText(tr("Your address on file could not be loaded (%1). Enter the "
                               "address to mail the card to.")
                                .arg(UserFacingError(reply->error()).message()));
        } else if (!m_edited) {
            m_note->hide();
            m_form->setAddress(reply->valueAs<Customer>().address);
        } else {
            m_note->hide();
        }
        emit completeChanged();
    });
}

} // namespace tessera::ui
