// The start-up benchmark's floor: about the least a Qt Widgets program does to show cards it
// fetched over loopback. It starts, serves BODY_FILE's bytes in-process (as tessera serves its
// demo in-process), GETs them once, lists one row per card in a QListWidget, and once the list
// has painted those rows for the first time logs "list showing N cards" (category
// tessera.bench.floor), the moment bench_startup times: as tessera's "cards page showing" line,
// after the paint, so both sides pay for their fonts, text shaping and drawing.

#include "FixedResponseServer.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcFloor, "tessera.bench.floor")

namespace {

// Logs once, after the first paint that drew rows has returned.
class CardList : public QListWidget
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListWidget::paintEvent(event);
        if (count() > 0 && !m_logged) {
            m_logged = true;
            qCInfo(lcFloor) << "list showing" << count() << "cards";
        }
    }

private:
    bool m_logged = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    tessera::bench::FixedResponseServer server;
    quint16 port = 0;
    if (const int exitCode = tessera::bench::serveBodyFileArgument(&server, &port))
        return exitCode;

    // Shown before the request goes out, as tessera shows its window first.
    CardList list;
    list.resize(1040, 700);
    list.show();

    QNetworkAccessManager network;
    QNetworkReply *reply =
        network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/cards").arg(port))));
    QObject::connect(reply, &QNetworkReply::finished, &list, [reply, &list] {
        reply->deleteLater();
        const QJsonArray cards = QJsonDocument::fromJson(reply->readAll())
                                     .object()
                                     .value(QLatin1String("data"))
                                     .toArray();
        for (const QJsonValue &card : cards) {
            list.addItem(QStringLiteral("•••• %1").arg(card.toObject()
                                                           .value(QLatin1String("attributes"))
                                                           .toObject()
                                                           .value(QLatin1String("last4Digits"))
                                                           .toString()));
        }
    });
    return QApplication::exec();
}
