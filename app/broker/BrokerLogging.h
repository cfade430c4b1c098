#pragma once

#include <QLoggingCategory>

// Every decision the broker takes is logged here, never with a token, a code or a full phone
// number or email.
Q_DECLARE_LOGGING_CATEGORY(lcBroker)
