#pragma once

#include "Page.h"
#include "SandboxResponse.h"
#include "Tags.h"

#include <optional>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace tessera::sandbox {

// Reads Unit's list parameters (page[...], filter[...][i], include, sort). Keys are compared
// fully decoded, so `filter[status][0]` and `filter%5Bstatus%5D%5B0%5D` mean the same thing,
// as they do for Unit. Each reader returns an error response when a value is unacceptable.
class SandboxQuery
{
public:
    static constexpr int DefaultLimit = 100;
    static constexpr int MaxLimit = 1000;

    struct PageWindow
    {
        int limit = DefaultLimit;
        int offset = 0;

        // The part of the matching items this page shows.
        template <class T> QList<T> of(const QList<T> &matching) const
        {
            return offset >= matching.size() ? QList<T>() : matching.mid(offset, limit);
        }
        Pagination pagination(qsizetype total) const { return {int(total), limit, offset}; }
    };

    explicit SandboxQuery(const QUrlQuery &query);

    bool has(const QString &key) const;
    QString value(const QString &key) const;
    // Values of `base[0]`, `base[1]`, ... in index order, plus a bare `base` if present.
    QStringList indexedValues(const QString &base) const;

    std::optional<SandboxResponse> readPage(PageWindow *window) const;
    // `include=a,b`: every name must be one of `allowed`.
    std::optional<SandboxResponse> readInclude(const QStringList &allowed,
                                               QStringList *names) const;
    // `filter[status][i]=...`: every value must be one of `allowed`.
    std::optional<SandboxResponse> readStatuses(const QStringList &allowed,
                                                QStringList *statuses) const;
    // `filter[tags]={"key":"value"}`: a JSON object of strings, as Unit takes it.
    std::optional<SandboxResponse> readTags(Tags *tags) const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace tessera::sandbox
