#pragma once

// The built-in demo seed, as tests and benchmarks load it into a sandbox, and the one change
// they make to it: the bulk customer's number of generated cards.

#include "SeedIds.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::test {

// The seed the sandbox starts with (resources/seed/demo-seed.json); empty when unreadable.
inline QByteArray builtInDemoSeed()
{
    QFile file(QStringLiteral(":/tessera/seed/demo-seed.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The built-in seed with the bulk customer's generated cards set to `count` (the seed's own
// generator: deterministic cards spread over statuses, types and dates); empty when the seed
// generates no cards for that customer.
inline QByteArray demoSeedWithBulkCards(int count)
{
    QJsonObject root = QJsonDocument::fromJson(builtInDemoSeed()).object();
    QJsonArray generated = root.value(QLatin1String("generatedCards")).toArray();
    for (qsizetype i = 0; i < generated.size(); ++i) {
        QJsonObject spec = generated.at(i).toObject();
        if (spec.value(QLatin1String("customerId")).toString() == seed::bulkCustomer) {
            spec.insert(QStringLiteral("count"), count);
            generated.replace(i, spec);
            root.insert(QStringLiteral("generatedCards"), generated);
            return QJsonDocument(root).toJson(QJsonDocument::Compact);
        }
    }
    return {};
}

} // namespace tessera::test
