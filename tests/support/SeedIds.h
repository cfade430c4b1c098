#pragma once

#include <QString>

// The ids of the demo seed (resources/seed/demo-seed.json) the tests rely on, named by what
// they are there, so a test says which kind of customer, account or card it needs.
namespace tessera::test::seed {

// Customers (sandbox code 000001). Individuals:
inline const QString mayaThompson = QStringLiteral("100001");   // four cards, two accounts
inline const QString danielOkafor = QStringLiteral("100002");   // an open and a closed account
inline const QString priyaRaman = QStringLiteral("100003");     // online-only and frozen cards
inline const QString jamesWhitfield = QStringLiteral("100004"); // an active and a closed card
inline const QString bulkCustomer = QStringLiteral("100005");   // 5000 generated cards
// A business: the code goes to its contact, Elena Vasquez (+1 ******0161), unless the request
// names one of its authorized users, Marcus Lee (+1 ******0174) or Aisha Rahman (+1 ******0188).
// One checking account and no cards (the sandbox has no business card types yet).
inline const QString northwindCoffee = QStringLiteral("100006");

// Deposit accounts.
inline const QString mayaChecking = QStringLiteral("200001");
inline const QString mayaSavings = QStringLiteral("200002");
inline const QString danielChecking = QStringLiteral("200003");
inline const QString danielClosedChecking = QStringLiteral("200004");
inline const QString priyaChecking = QStringLiteral("200005");
inline const QString jamesChecking = QStringLiteral("200006");
inline const QString jamesSavings = QStringLiteral("200007");
inline const QString bulkChecking = QStringLiteral("200008"); // the bulk customer's
inline const QString northwindChecking = QStringLiteral("200009");

// Cards, by their status in the seed.
inline const QString mayaActivePhysicalCard = QStringLiteral("300001");
inline const QString mayaActiveVirtualCard = QStringLiteral("300002");
inline const QString mayaFrozenCard = QStringLiteral("300003");
inline const QString mayaLostCard = QStringLiteral("300004");
inline const QString danielInactiveCard = QStringLiteral("300005");
inline const QString danielStolenCard = QStringLiteral("300006");
inline const QString danielClosedCard = QStringLiteral("300007");
inline const QString danielActiveVirtualCard = QStringLiteral("300008");
inline const QString priyaSuspectedFraudCard = QStringLiteral("300009");
inline const QString priyaOnlineOnlyCard = QStringLiteral("300010");
inline const QString priyaFrozenVirtualCard = QStringLiteral("300011");
inline const QString jamesActiveCard = QStringLiteral("300012");
inline const QString jamesClosedVirtualCard = QStringLiteral("300013");

} // namespace tessera::test::seed
