#include "PaddedBody.h"

#include <cstring>
#include <QIODevice>

namespace tessera::PaddedBody {

namespace {

// Whether `body` alone holds its data and has room after it for the padding and the
// terminating zero QByteArray keeps there. Shared data could be another array's, which may
// append into its room at any time.
bool ownsRoom(const QByteArray &body)
{
    return body.isDetached() && body.capacity() - body.size() >= Padding + 1;
}

} // namespace

QByteArray read(QIODevice *device)
{
    QByteArray body;
    const qint64 available = device->bytesAvailable();
    if (available > 0) {
        body.reserve(qsizetype(available) + Padding + 1);
        body.resize(qsizetype(available));
        const qint64 got = device->read(body.data(), available);
        body.resize(qsizetype(qMax<qint64>(got, 0)));
    }
    // A device that did not know its size ahead (or had more than it said) is read to the end;
    // appended to an empty body, the rest is shared, not copied.
    body.append(device->readAll());
    // reserve() on shared data makes a copy of its own with that room, where data() would
    // make one of exactly the size.
    if (!ownsRoom(body))
        body.reserve(body.size() + Padding + 1);
    // The body alone holds its data now: data() points into it without copying.
    std::memset(body.data() + body.size(), 0, size_t(Padding));
    return body;
}

bool isPadded(const QByteArray &body)
{
    if (!ownsRoom(body)) // a null array holds no data of its own either
        return false;
    const char *after = body.constData() + body.size();
    char any = 0;
    for (qsizetype i = 0; i < Padding; ++i)
        any |= after[i];
    return any == 0;
}

} // namespace tessera::PaddedBody
