// Started by tst_libcrypto with a "libcrypto.so.3" on LD_LIBRARY_PATH that is not OpenSSL:
// links tessera_core only (no test support, which links libcrypto), starts a bank sign-in and
// prints what the customer would be told, and what Jwks says, one line each.
#include "IdentityProvider.h"
#include "Jwks.h"
#include "OidcSignIn.h"

#include <cstdio>
#include <QCoreApplication>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace tessera;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString jwksError;
    const bool jwksRead = Jwks::fromJson(R"({"keys":[]})", &jwksError).has_value();
    std::printf("jwks: %s %s\n", jwksRead ? "read" : "refused", qPrintable(jwksError));

    QNetworkAccessManager network;
    OidcSignIn signIn(&network);
    IdentityProvider provider;
    // Never asked: the sign-in stops before it reaches out.
    provider.issuer = QUrl(QStringLiteral("http://127.0.0.1:9/issuer"));
    provider.clientId = QStringLiteral("tessera");
    provider.scopes = QStringList{QStringLiteral("openid")};
    int exitCode = 1;
    QObject::connect(&signIn, &OidcSignIn::failed, &app,
                     [&exitCode](OidcSignIn::Problem problem, const QString &message) {
                         std::printf(
                             "%s: %s\n",
                             QMetaEnum::fromType<OidcSignIn::Problem>().valueToKey(int(problem)),
                             qPrintable(message));
                         exitCode = 0;
                         QCoreApplication::quit();
                     });
    QObject::connect(&signIn, &OidcSignIn::openBrowser, &app, [] {
        std::printf("openBrowser\n");
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, &app, [&] { signIn.start(provider); });
    QTimer::singleShot(10000, &app, &QCoreApplication::quit);
    app.exec();
    return exitCode;
}
