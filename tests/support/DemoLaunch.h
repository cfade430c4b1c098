#pragma once

#include "Backend.h"
#include "DemoBackend.h"
#include "SandboxServer.h"

#include <memory>
#include <QTemporaryDir>

namespace tessera::test {

// Launches of the app in the demo as the tests make them: each launch starts a new in-process
// sandbox on the same state file (in a folder of the test's own), and each backend talks to the
// sandbox of the current launch.
class DemoLaunch
{
public:
    // A new sandbox on the state file replaces the running one; false if it cannot listen.
    bool launch()
    {
        auto next = std::make_unique<sandbox::SandboxServer>();
        next->setStateFile(m_dataDir.filePath(QStringLiteral("demo-sandbox-state.json")));
        m_sandbox = std::move(next);
        return m_sandbox->start() != 0;
    }

    sandbox::SandboxServer *sandbox() const { return m_sandbox.get(); }

    std::unique_ptr<Backend> makeBackend() const { return makeDemoBackend(*m_sandbox); }

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
};

} // namespace tessera::test
