#include "SandboxQuery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

SandboxResponse invalidParameter(const QString &detail)
{
    return SandboxResponse::badRequest(detail);
}

// Strict decimal integers only: "10abc", "1e3", " 5" and "+5" are all refused.
std::optional<qint64> strictInteger(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]{1,12}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

// N of a key "base[N]" whose N is 1 to 6 digits, else -1. Read by hand: a QRegularExpression
// for the base, compiled on every request, took ~5 % of the sandbox's CPU under load.
int indexIn(const QString &key, const QString &base)
{
    const qsizetype digitCount = key.size() - base.size() - 2;
    if (digitCount < 1 || digitCount > 6 || !key.startsWith(base) ||
        key.at(base.size()) != QLatin1Char('[') || !key.endsWith(QLatin1Char(']')))
        return -1;
    int index = 0;
    for (const QChar c : QStringView(key).mid(base.size() + 1, digitCount)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index;
}

} // namespace

SandboxQuery::SandboxQuery(const QUrlQuery &query)
    : m_items(query.queryItems(QUrl::FullyDecoded))
{}

bool SandboxQuery::has(const QString &key) const
{
    for (const auto &item : m_items) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString SandboxQuery::value(const QString &key) const
{
    for (const auto &item : m_items) {
        if (item.first == key)
            return item.second;
    }
    return {};
}

QStringList SandboxQuery::indexedValues(const QString &base) const
{
    QMultiMap<int, QString> byIndex;
    QStringList bare;
    for (const auto &item : m_items) {
        if (item.first == base) {
            bare.append(item.second);
            continue;
        }
        const int index = indexIn(item.first, base);
        if (index >= 0)
            byIndex.insert(index, item.second);
    }
    return QStringList(byIndex.values()) + bare;
}

std::optional<SandboxResponse> SandboxQuery::readPage(PageWindow *window) const
{
    const QString limitKey = QStringLiteral("page[limit]");
    const QString offsetKey = QStringLiteral("page[offset]");
    if (has(limitKey)) {
        const std::optional<qint64> limit = strictInteger(value(limitKey));
        if (!limit || *limit < 1 || *limit > MaxLimit)
            return invalidParameter(
                QStringLiteral("page[limit] must be an integer from 1 to %1.").arg(MaxLimit));
        window->limit = int(*limit);
    }
    if (has(offsetKey)) {
        const std::optional<qint64> offset = strictInteger(value(offsetKey));
        if (!offset || *offset < 0 || *offset > std::numeric_limits<int>::max())
            return invalidParameter(QStringLiteral("page[offset] must be a non-negative integer."));
        window->offset = int(*offset);
    }
    return std::nullopt;
}

std::optional<SandboxResponse> SandboxQuery::readInclude(const QStringList &allowed,
                                                         QStringList *names) const
{
    const QString key = QStringLiteral("include");
    if (!has(key))
        return std::nullopt;
    const QStringList requested = value(key).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : requested) {
        const QString name = raw.trimmed();
        if (!allowed.contains(name))
            return invalidParameter(QStringLiteral("include: \"%1\" is not supported here; use %2.")
                                        .arg(name, allowed.join(QStringLiteral(" or "))));
        if (!names->contains(name))
            names->append(name);
    }
    return std::nullopt;
}

std::optional<SandboxResponse> SandboxQuery::readStatuses(const QStringList &allowed,
                                                          QStringList *statuses) const
{
    const QStringList values = indexedValues(QStringLiteral("filter[status]"));
    for (const QString &status : values) {
        if (!allowed.contains(status))
            return SandboxResponse::badRequest(
                QStringLiteral("filter[status]: \"%1\" is not one of %2.")
                    .arg(status, allowed.join(QStringLiteral(", "))));
    }
    *statuses = values;
    return std::nullopt;
}

std::optional<SandboxResponse> SandboxQuery::readTags(Tags *tags) const
{
    const QString key = QStringLiteral("filter[tags]");
    if (!has(key))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(value(key).toUtf8());
    if (!document.isObject())
        return invalidParameter(
            QStringLiteral("filter[tags] must be a JSON object such as {\"key\":\"value\"}."));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        tags->insert(it.key(), it.value().toString());
    return std::nullopt;
}

} // namespace tessera::sandbox
