#include "BrokerLogging.h"

Q_LOGGING_CATEGORY(lcBroker, "tessera.broker")
