#pragma once

namespace tessera {

// Keeps the tokens a process holds in memory out of core dumps and away from other processes
// of the same user. Call apply() first thing in main(), before any token can exist.
class ProcessHardening
{
public:
    // Linux: the process becomes non-dumpable (no core file; /proc/<pid>/mem, environ and
    // ptrace are closed to the user's other unprivileged processes) and its core file size
    // limit is 0, soft and hard, so no later code or child can raise it again. Returns whether
    // both took effect; elsewhere nothing is done and it returns false.
    static bool apply();
};

} // namespace tessera
