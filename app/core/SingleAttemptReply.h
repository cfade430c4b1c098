#pragma once

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

class QTcpSocket;

namespace tessera {

// One HTTP/1.1 exchange for a request that must reach the server at most once (a card action,
// a replacement, a create, a token call). QNetworkAccessManager sends a request again by itself
// when its connection closes before the answer, whatever the method (Qt 6.4,
// qhttpnetworkconnectionchannel.cpp, "reconnectAttempts"), and has no switch to stop it: a
// freeze or a new card could happen twice behind the customer's back. This reply opens its own
// connection (TLS with the default configuration and peer verification for https), writes the
// request once with "Connection: close", reads the answer (Content-Length, chunked, or up to
// the close) and never sends again. It reports like any QNetworkReply (status, headers, body,
// error); when the request went out and no complete answer came back it also sets
// OutcomeUnknownAttribute: the server may or may not have carried it out.
class SingleAttemptReply : public QNetworkReply
{
    Q_OBJECT
public:
    static constexpr QNetworkRequest::Attribute OutcomeUnknownAttribute =
        QNetworkRequest::Attribute(QNetworkRequest::User + 1);

    // Starts at once; finished() always comes from the event loop. `verb` is e.g. "POST".
    SingleAttemptReply(const QNetworkRequest &request, const QByteArray &verb,
                       const QByteArray &body, QObject *parent = nullptr);
    ~SingleAttemptReply() override;

    // Closes the connection and finishes with OperationCanceledError before returning.
    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    void onConnected();
    void onReadyRead();
    void onClosed();
    void onTimeout();
    // Parses what has arrived; finishes (true) when the answer is whole or cannot be one.
    bool tryComplete(bool connectionClosed);
    void fail(NetworkError code, const QString &detail);
    // Detaches the socket, then emits finished() from the event loop (or now, for abort()).
    void detachSocket();
    void emitFinished();

    QByteArray m_requestBytes;
    QTcpSocket *m_socket = nullptr;
    QTimer m_inactivity;
    QByteArray m_received;
    QByteArray m_body;
    qint64 m_readPos = 0;
    bool m_requestWritten = false;
    bool m_done = false;
};

} // namespace tessera
