#include "DemoBackend.h"

#include "Backend.h"
#include "SandboxServer.h"

namespace tessera::test {

std::unique_ptr<Backend> makeDemoBackend(const sandbox::SandboxServer &sandbox)
{
    return std::make_unique<Backend>(Environment::demo(sandbox.baseUrl()), sandbox.orgToken());
}

} // namespace tessera::test
