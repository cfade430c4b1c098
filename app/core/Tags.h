#pragma once

#include <QMap>
#include <QString>

namespace tessera {

// Unit's Tags: at most 15 keys with string values.
using Tags = QMap<QString, QString>;

} // namespace tessera
