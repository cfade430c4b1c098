#pragma once

#include "ApiError.h"
#include "Card.h"
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

    // PATCH /cards/{id} (Unit's updateCard schemas): only what is sent changes.
    struct CardUpdate
    {
        // Merged into the card's tags; a null value deletes its key.
        std::optional<QJsonObject> tags;
        std::optional<QString> design;
        bool setsShippingAddress = false;
        std::optional<Address> shippingAddress; // null clears it
        // limits / defaultFundingAccountId: valid for Unit, not modelled by this sandbox.
        QStringList unsupported;
    };
    // `card`: the card being updated; data.type must be its type, and the attributes those
    // its type's schema allows. The tag count is checked after merging.
    static QList<ApiError> readUpdateCard(const QJsonObject &document, const Card &card,
                                          CardUpdate *out);
};

} // namespace tessera::sandbox
