#pragma once

#include "Address.h"

#include <QString>

namespace tessera {

// An address as a person reads it, wherever Tessera shows one.
class AddressText
{
public:
    // "742 Valencia St\nApt 3\nSan Francisco, CA 94110\nUnited States"; translated (context
    // "AddressText").
    static QString display(const Address &address);
};

} // namespace tessera
