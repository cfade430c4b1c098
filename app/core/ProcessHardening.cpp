#include "ProcessHardening.h"

#include "Logging.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace tessera {

bool ProcessHardening::apply()
{
#ifdef Q_OS_LINUX
    bool applied = true;
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        qCWarning(lcAuth).noquote()
            << "could not make the process non-dumpable:" << qt_error_string(errno);
        applied = false;
    }
    const rlimit noCore{0, 0};
    if (setrlimit(RLIMIT_CORE, &noCore) != 0) {
        qCWarning(lcAuth).noquote()
            << "could not set the core file size limit to 0:" << qt_error_string(errno);
        applied = false;
    }
    if (applied)
        qCDebug(lcAuth) << "process hardened: not dumpable, core file size limit 0";
    return applied;
#else
    // Not done yet on other systems. macOS would need setrlimit(RLIMIT_CORE) to 0 as here and
    // ptrace(PT_DENY_ATTACH) against debuggers (plus the hardened runtime without the
    // get-task-allow entitlement when signing). Windows would need
    // WerAddExcludedApplication() or a WER LocalDumps DumpCount of 0 so crashes write no
    // minidump with the process's memory, and a DACL on the process without
    // PROCESS_VM_READ for other processes of the user.
    return false;
#endif
}

} // namespace tessera
