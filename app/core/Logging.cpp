#include "Logging.h"

Q_LOGGING_CATEGORY(lcApi, "tessera.api")
Q_LOGGING_CATEGORY(lcAuth, "tessera.auth")
Q_LOGGING_CATEGORY(lcKeychain, "tessera.keychain")
Q_LOGGING_CATEGORY(lcOidc, "tessera.oidc")
Q_LOGGING_CATEGORY(lcSandbox, "tessera.sandbox")
Q_LOGGING_CATEGORY(lcUi, "tessera.ui")
