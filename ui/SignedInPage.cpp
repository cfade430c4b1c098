#include "SignedInPage.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "Customer.h"
#include "Session.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tessera::ui {

SignedInPage::SignedInPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_greeting(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("signedInPage"));
    m_greeting->setObjectName(QStringLiteral("greeting"));
    QFont font = m_greeting->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    m_greeting->setFont(font);
    m_details->setObjectName(QStringLiteral("sessionDetails"));
    m_details->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(m_greeting);
    layout->addWidget(m_details);
    layout->addStretch();
}

void SignedInPage::refresh()
{
    Session *session = m_backend->session();
    m_greeting->setText(tr("Signed in"));
    m_details->setText(
        tr("Customer %1. This sign-in allows: %2.")
            .arg(session->customerId(), session->scopes().join(QLatin1String(", "))));
    ApiReply *reply = m_backend->api()->getCustomer(session->customerId());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->hasError()) {
            if (reply->error().httpStatus == 401)
                m_backend->authenticator()->handleUnauthorized([this] { refresh(); });
            else
                m_details->setText(
                    tr("Your details could not be loaded: %1").arg(reply->error().message()));
            return;
        }
        const Customer customer = reply->valueAs<Customer>();
        m_greeting->setText(tr("Hello, %1").arg(customer.firstName));
    });
}

} // namespace tessera::ui
