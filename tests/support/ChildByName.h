#pragma once

#include <QDebug>
#include <QObject>
#include <QString>

namespace tessera::test {

// The child of `root` with this object name, the way widget tests find what they drive; says
// which name was missing, so the null pointer that follows is not a mystery.
template <class T> T *child(const QObject *root, const char *name)
{
    T *found = root->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

} // namespace tessera::test
