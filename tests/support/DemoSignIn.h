#pragma once

#include "Authenticator.h"

#include <QSignalSpy>

namespace tessera::test {

// Signs a customer in the way a person does in the demo: ask for the code, wait until it was
// sent, type it. The tests' one shared sign-in.
inline bool signInWithCode(Authenticator *auth, const QString &customerId,
                           const QString &code = QStringLiteral("000001"))
{
    QSignalSpy sent(auth, &Authenticator::codeSent);
    QSignalSpy signedIn(auth, &Authenticator::signedIn);
    auth->signIn(customerId);
    if (!sent.wait(5000))
        return false;
    auth->submitCode(code);
    return signedIn.count() == 1 || signedIn.wait(5000);
}

} // namespace tessera::test
