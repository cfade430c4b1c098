#include "IdentifierKey.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace tessera::broker {

namespace {

const QString Dots = QStringLiteral("\u2022\u2022\u2022\u2022");

} // namespace

IdentifierKey::IdentifierKey(const QString &orgToken)
    // A key of its own, not the org token itself: what leaks of one never gives the other.
    : m_key(QMessageAuthenticationCode::hash("tessera-broker identifier key 1", orgToken.toUtf8(),
                                             QCryptographicHash::Sha256))
{}

QByteArray IdentifierKey::of(const Phone &phone) const
{
    return keyed("phone:+" + phone.countryCode.toLatin1() + phone.number.toLatin1());
}

QByteArray IdentifierKey::of(const QString &email) const
{
    return keyed("email:" + email.trimmed().toLower().toUtf8());
}

QByteArray IdentifierKey::keyed(const QByteArray &identifier) const
{
    return QMessageAuthenticationCode::hash(identifier, m_key, QCryptographicHash::Sha256).toHex();
}

QString IdentifierKey::masked(const Phone &phone)
{
    return QStringLiteral("+%1 %2 %3").arg(phone.countryCode, Dots, phone.number.right(4));
}

QString IdentifierKey::masked(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return Dots;
    return email.left(1) + Dots.left(3) + email.mid(at);
}

} // namespace tessera::broker
