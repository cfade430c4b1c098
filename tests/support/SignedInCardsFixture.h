#pragma once

#include "Backend.h"
#include "CardsModel.h"
#include "SandboxServer.h"

#include <memory>
#include <QObject>
#include <QSignalSpy>
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
    // signIn() then a cards model with its first page loaded. False if either did not happen.
    bool signInWithCards(const QString &customerId);
    // Undoes the above: no faults left in the sandbox, signed out, backend and model gone.
    void signOutAndForget();

    // Adds a fault rule in the sandbox's own syntax ("POST /cards/*/freeze drop-after-commit
    // n=1"). False (with a warning) when the rule does not parse.
    bool addFault(const QString &spec);
    // How many requests recorded by a QSignalSpy on SandboxServer::requestReceived were
    // `method path`.
    static int countOf(const QSignalSpy &received, const QByteArray &method, const QString &path);

    sandbox::SandboxServer m_sandbox;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<CardsModel> m_model;
};

} // namespace tessera::test
