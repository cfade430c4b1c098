#pragma once

#include "AccountEndpoints.h"
#include "ActivityEndpoints.h"
#include "CardEndpoints.h"
#include "CustomerEndpoints.h"
#include "SandboxClock.h"
#include "SandboxRateLimiter.h"
#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "SandboxStore.h"
#include "SimulationEndpoints.h"
#include "TokenAuthority.h"
#include "TokenEndpoints.h"

#include <functional>
#include <QList>
#include <QStringList>

namespace tessera::sandbox {

// The sandbox's Unit API without sockets: routes a request, authenticates it, enforces the
// route's scope, checks the body's media type, size and JSON, then hands it to the endpoint.
// Before all of it, Unit's rate limit. The order (route, auth, scope, body) means an
// unauthenticated caller learns nothing but "401", whatever else is wrong with the request.
class SandboxApi
{
public:
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;

    SandboxApi();
    SandboxApi(const SandboxApi &) = delete;
    SandboxApi &operator=(const SandboxApi &) = delete;

    SandboxResponse handle(SandboxRequest request);

    // Whether Unit answers a token that lacks the route's scope with 403 or 401 is unverified:
    // 403 unless set to 401, so the client can be tested against both.
    void setMissingScopeStatus(int status) { m_missingScopeStatus = status; }
    // The answer to a token without `scope` (empty: the route's scope, unnamed).
    SandboxResponse missingScope(const QString &scope) const;

    SandboxStore &store() { return m_store; }
    const SandboxStore &store() const { return m_store; }
    TokenAuthority &tokens() { return m_tokens; }
    const TokenAuthority &tokens() const { return m_tokens; }
    SandboxClock &clock() { return m_clock; }
    SandboxRateLimiter &rateLimiter() { return m_rateLimiter; }

    // Everything a demo should find again on its next run (see SandboxStore::changes()).
    QJsonObject state() const;
    bool restoreState(const QJsonObject &state, QString *error = nullptr);

private:
    using Caller = TokenAuthority::Caller;
    // `params` holds the path segments matched by "*" in the route's pattern.
    using Handler = std::function<SandboxResponse(const SandboxRequest &, const Caller &,
                                                  const QStringList &params)>;
    struct Route
    {
        QByteArray method;
        QStringList pattern; // literal segments, "*" for an id
        QString scope;       // required scope; empty: any authenticated caller
        Handler handler;
    };

    void addRoute(const char *method, const char *pattern, QString scope, Handler handler);
    std::optional<SandboxResponse> checkBody(SandboxRequest &request) const;

    SandboxClock m_clock;
    SandboxRateLimiter m_rateLimiter;
    SandboxStore m_store;
    TokenAuthority m_tokens;
    TokenEndpoints m_tokenEndpoints;
    CardEndpoints m_cardEndpoints;
    AccountEndpoints m_accountEndpoints;
    CustomerEndpoints m_customerEndpoints;
    ActivityEndpoints m_activityEndpoints;
    SimulationEndpoints m_simulationEndpoints;
    QList<Route> m_routes;
    int m_missingScopeStatus = 403;
};

} // namespace tessera::sandbox
