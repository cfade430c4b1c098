#pragma once

#include "Backend.h"
#include "CardsModel.h"
#include "SandboxServer.h"

#include <memory>
#include <QObject>
#include <QUrl>

namespace tessera::test {

// What the cards suites start from: the in-process sandbox (started by the suite, on a free
// loopback port), a demo Backend signed in as one of its customers, and that customer's cards
// model. A suite derives from it instead of from QObject and keeps its own test slots.
class SignedInCardsFixture : public QObject
{
    Q_OBJECT

protected:
    // A new backend, with a keychain entry name of its own, that talks to baseUrl (the
    // sandbox's unless given, e.g. a proxy in front of it), signed in as customerId with the
    // demo code. False if the sign-in did not complete.
    bool signIn(const QString &customerId, const QUrl &baseUrl = {});
    // A new cards model of the signed-in customer that has asked for nothing yet.
    CardsModel *createCardsModel();

    sandbox::SandboxServer m_sandbox;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<CardsModel> m_model;
};

} // namespace tessera::test
