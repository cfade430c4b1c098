#pragma once

#include "ApiError.h"
#include "Requests.h"

#include <optional>
#include <QDate>
#include <QJsonObject>
#include <QList>

namespace tessera::sandbox {

// Validates POST /cards and POST /cards/{id}/replace bodies against Unit's createCard and
// replaceCard schemas (additionalProperties:false included) and turns them into Tessera's
// request types. Shipping addresses go through AddressRules so the sandbox rejects exactly
// what the client's wizard warns about.
class CardRequestValidator
{
public:
    struct NewCard
    {
        CreateCardRequest request;
        bool activeForOnlineUse = false;
        QString bin;            // 9 digits; empty: the sandbox's default BIN
        QString expirationDate; // "YYYY-MM" from expiryDate; empty: four years out
    };

    // An empty list means `out` is filled in.
    static QList<ApiError> readCreateCard(const QJsonObject &document, const QDate &today,
                                          NewCard *out);
    static QList<ApiError> readReplaceCard(const QJsonObject &document,
                                           std::optional<Address> *shippingAddress);
};

} // namespace tessera::sandbox
