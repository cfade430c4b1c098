#pragma once

#include <QString>
#include <QStringList>

namespace tessera {

// One of Unit's token `resources` entries: a token restricted to it may touch only this card or
// account (and, for an account, its cards).
struct TokenResource
{
    enum class Type { Card, Account };
    Type type = Type::Card;
    QString id;

    bool isValid() const { return !id.isEmpty(); }
    static TokenResource card(const QString &id) { return {Type::Card, id}; }
    static TokenResource account(const QString &id) { return {Type::Account, id}; }
    QString typeName() const
    {
        return type == Type::Card ? QStringLiteral("card") : QStringLiteral("account");
    }
    friend bool operator==(const TokenResource &a, const TokenResource &b)
    {
        return a.type == b.type && a.id == b.id;
    }
};

// What one API call needs of the bearer token: scopes, and the card or account it acts on (a
// token restricted to that resource will do). ApiClient knows it for each endpoint; the
// credential is picked by it when the request goes out.
struct RequiredAccess
{
    QStringList scopes;
    TokenResource resource; // no id: the call acts on no single card or account

    bool isEmpty() const { return scopes.isEmpty(); }
    friend bool operator==(const RequiredAccess &a, const RequiredAccess &b)
    {
        return a.scopes == b.scopes && a.resource == b.resource;
    }
};

} // namespace tessera
