#pragma once

#include <QByteArray>

class QIODevice;

namespace tessera {

// A reply's body read with Padding zero bytes of room after its end (past size(), inside
// capacity()), so that a parser which reads ahead of where it is (simdjson reads up to 64
// bytes past a document's end) can read the body where it is instead of copying it first: for
// a page of 100 cards, 42 KiB copied and zeroed less on every page.
namespace PaddedBody {

constexpr qsizetype Padding = 64;

// Everything `device` has to read, as readAll() gives it, with the padding behind it.
QByteArray read(QIODevice *device);

// Whether `body` has Padding zero bytes after its end that it owns: true for what read()
// returns until the body is changed, false for most other byte arrays.
bool isPadded(const QByteArray &body);

} // namespace PaddedBody

} // namespace tessera
