#pragma once

#include <memory>

namespace tessera {
class Backend;
namespace sandbox {
class SandboxServer;
}
} // namespace tessera

namespace tessera::test {

// A Backend for the demo environment served by `sandbox` (started, on its loopback port),
// minting with the sandbox's org token, as the app builds it for the Demo.
std::unique_ptr<Backend> makeDemoBackend(const sandbox::SandboxServer &sandbox);

} // namespace tessera::test
