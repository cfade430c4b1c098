#include "SettingsDialog.h"

#include "AppLock.h"
#include "Authenticator.h"
#include "Style.h"
#include "TokenStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tessera::ui {

SettingsDialog::SettingsDialog(const Environment &current, TokenStore *tokenStore, QWidget *parent)
    : QDialog(parent)
    , m_tokenStore(tokenStore)
    , m_kind(new QComboBox(this))
    , m_apiUrl(new QLineEdit(this))
    , m_brokerUrl(new QLineEdit(this))
    , m_orgToken(new QLineEdit(this))
    , m_idleLock(new QSpinBox(this))
    , m_confirmation(new QSpinBox(this))
    , m_apiUrlLabel(new QLabel(tr("API &address:"), this))
    , m_brokerUrlLabel(new QLabel(tr("Token &broker:"), this))
    , m_orgTokenLabel(new QLabel(tr("Sandbox &org token:"), this))
    , m_orgTokenNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_provisionedNote(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_kind->setObjectName(QStringLiteral("environmentKind"));
    m_kind->setAccessibleName(tr("Environment"));
    m_kind->addItem(tr("Demo (built in, works offline)"), int(Environment::Kind::Demo));
    m_kind->addItem(tr("Unit sandbox"), int(Environment::Kind::UnitSandbox));
    m_kind->addItem(tr("Production"), int(Environment::Kind::Production));
    m_kind->addItem(tr("Custom server"), int(Environment::Kind::Custom));
    m_kind->setCurrentIndex(m_kind->findData(int(current.kind)));

    m_apiUrl->setObjectName(QStringLiteral("apiUrlField"));
    m_apiUrl->setAccessibleName(tr("API address"));
    m_brokerUrl->setObjectName(QStringLiteral("brokerUrlField"));
    m_brokerUrl->setAccessibleName(tr("Token broker address"));
    m_brokerUrl->setPlaceholderText(QStringLiteral("https://bank.example/unit-tokens"));
    m_brokerUrl->setText(current.tokenBrokerUrl.toString());
    m_orgToken->setObjectName(QStringLiteral("orgTokenField"));
    m_orgToken->setAccessibleName(tr("Sandbox org token"));
    m_orgToken->setEchoMode(QLineEdit::Password);
    m_orgToken->setPlaceholderText(tr("Leave empty to keep the saved one"));
    m_orgTokenNote->setText(tr("Kept in the system keychain, never in a file."));
    m_orgTokenNote->setWordWrap(true);
    m_apiUrlLabel->setBuddy(m_apiUrl);
    m_brokerUrlLabel->setBuddy(m_brokerUrl);
    m_orgTokenLabel->setBuddy(m_orgToken);
    if (current.kind == Environment::Kind::Custom)
        m_customApiUrl = current.apiUrl.toString();

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    Style::markAsError(m_error);
    m_error->hide();

    m_provisionedNote->setObjectName(QStringLiteral("provisionedNote"));
    m_provisionedNote->setWordWrap(true);
    m_provisionedNote->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Environment:"), m_kind);
    form->addRow(m_apiUrlLabel, m_apiUrl);
    form->addRow(m_brokerUrlLabel, m_brokerUrl);
    form->addRow(m_orgTokenLabel, m_orgToken);
    form->addRow(QString(), m_orgTokenNote);
    form->addRow(QString(), m_provisionedNote);

    auto *note = new QLabel(tr("Changing the environment restarts Tessera."), this);
    note->setWordWrap(true);

    m_idleLock->setObjectName(QStringLiteral("idleLockMinutes"));
    m_idleLock->setRange(AppLock::MinIdleMinutes, AppLock::MaxIdleMinutes);
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setAccessibleName(tr("Lock after this many minutes without use"));
    m_idleLock->setValue(AppLock::savedIdleMinutes());
    auto *lockGroup = new QGroupBox(tr("Security"), this);
    auto *lockForm = new QFormLayout(lockGroup);
    lockForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    auto *idleLabel = new QLabel(tr("Lock when &idle for:"), lockGroup);
    idleLabel->setBuddy(m_idleLock);
    lockForm->addRow(idleLabel, m_idleLock);
    m_confirmation->setObjectName(QStringLiteral("confirmationMinutes"));
    m_confirmation->setRange(1, Authenticator::MaxVerifiedLifetime / 60);
    m_confirmation->setSuffix(tr(" min"));
    m_confirmation->setAccessibleName(tr("Minutes a code confirms card changes for the same card"));
    m_confirmation->setValue(Authenticator::savedVerifiedMinutes());
    auto *confirmationLabel = new QLabel(tr("A &code confirms changes for:"), lockGroup);
    confirmationLabel->setBuddy(m_confirmation);
    lockForm->addRow(confirmationLabel, m_confirmation);
    auto *lockNote = new QLabel(tr("Tessera also locks when your screen locks. A code sent to "
                                   "your phone unlocks it."),
                                lockGroup);
    lockNote->setObjectName(QStringLiteral("securityNote"));
    lockNote->setWordWrap(true);
    lockForm->addRow(lockNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addSpacing(8);
    layout->addWidget(lockGroup);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateFields);
    connect(m_apiUrl, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_customApiUrl = text;
        m_error->hide();
    });
    connect(m_brokerUrl, &QLineEdit::textEdited, m_error, &QLabel::hide);
    updateFields();
    resize(520, sizeHint().height());
}

Environment SettingsDialog::environment() const
{
    const auto kind = Environment::Kind(m_kind->currentData().toInt());
    const QUrl broker = QUrl::fromUserInput(m_brokerUrl->text().trimmed());
    switch (kind) {
    case Environment::Kind::Demo:
        return Environment::demo({});
    case Environment::Kind::UnitSandbox:
        return Environment::unitSandbox();
    case Environment::Kind::Production:
        return Environment::production(m_brokerUrl->text().trimmed().isEmpty() ? QUrl() : broker);
    case Environment::Kind::Custom:
        return Environment::custom(QUrl::fromUserInput(m_apiUrl->text().trimmed()),
                                   m_brokerUrl->text().trimmed().isEmpty() ? QUrl() : broker);
    }
    return Environment::demo({});
}

void SettingsDialog::setProvisioning(const Provisioning &provisioning)
{
    if (!provisioning.isPresent())
        return;
    m_provisioned = true;
    m_kind->setCurrentIndex(m_kind->findData(int(Environment::Kind::Production)));
    m_kind->setEnabled(false);
    m_brokerUrl->setText(provisioning.brokerUrl().toString());
    m_brokerUrl->setReadOnly(true);
    m_brokerUrl->setEnabled(false); // fixed addresses read as fixed
    m_provisionedNote->setText(
        provisioning.bankName().isEmpty()
            ? tr("Your bank set up Tessera for you; these cannot be changed here.")
            : tr("%1 set up Tessera for you; these cannot be changed here.")
                  .arg(provisioning.bankName()));
    m_provisionedNote->show();
}

void SettingsDialog::setIdleLockMinutes(int minutes)
{
    m_idleLock->setValue(minutes);
}

int SettingsDialog::idleLockMinutes() const
{
    return m_idleLock->value();
}

void SettingsDialog::setConfirmationMinutes(int minutes)
{
    m_confirmation->setValue(minutes);
}

int SettingsDialog::confirmationMinutes() const
{
    return m_confirmation->value();
}

void SettingsDialog::updateFields()
{
    const auto kind = Environment::Kind(m_kind->currentData().toInt());
    const bool custom = kind == Environment::Kind::Custom;
    m_apiUrl->setReadOnly(!custom);
    m_apiUrl->setEnabled(custom); // fixed addresses read as fixed
    switch (kind) {
    case Environment::Kind::Demo:
        m_apiUrl->setText(tr("This computer (started by Tessera)"));
        break;
    case Environment::Kind::UnitSandbox:
        m_apiUrl->setText(Environment::unitSandboxUrl().toString());
        break;
    case Environment::Kind::Production:
        m_apiUrl->setText(Environment::unitProductionUrl().toString());
        break;
    case Environment::Kind::Custom:
        m_apiUrl->setText(m_customApiUrl);
        m_apiUrl->setPlaceholderText(QStringLiteral("https://api.example"));
        break;
    }
    const bool broker = kind == Environment::Kind::Production || custom;
    m_brokerUrl->setVisible(broker);
    m_brokerUrlLabel->setVisible(broker);
    const bool orgToken = kind == Environment::Kind::UnitSandbox;
    m_orgToken->setVisible(orgToken);
    m_orgTokenLabel->setVisible(orgToken);
    m_orgTokenNote->setVisible(orgToken);
    m_error->hide();
}

void SettingsDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    // The message takes room: the dialog grows instead of squeezing the wrapped texts below it.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->sizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void SettingsDialog::accept()
{
    const Environment chosen = environment();
    // A bank's setup is not the customer's to correct: the sign-in page says what is wrong.
    if (chosen.kind != Environment::Kind::Demo && !m_provisioned) {
        if (auto problem = chosen.check()) {
            showError(*problem);
            return;
        }
    }
    const QString orgToken = m_orgToken->text().trimmed();
    if (chosen.kind != Environment::Kind::UnitSandbox || orgToken.isEmpty()) {
        QDialog::accept();
        return;
    }
    // The org token must be safely in the keychain before the dialog closes.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_tokenStore, &TokenStore::orgTokenWritten, this,
        [this, connection](TokenStore::Status status) {
            disconnect(*connection);
            if (status == TokenStore::Status::Ok) {
                m_orgToken->clear();
                QDialog::accept();
            } else {
                showError(
                    tr("The org token could not be saved: %1").arg(TokenStore::describe(status)));
            }
        });
    m_tokenStore->writeOrgToken(chosen.id(), orgToken);
}

} // namespace tessera::ui
