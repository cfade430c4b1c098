// PaddedBody::read gives what readAll() gives, with zero bytes of room after it that the body
// alone owns; isPadded() tells such a body from other byte arrays.

#include "PaddedBody.h"

#include <QBuffer>
#include <QTest>

using namespace tessera;

namespace {

// A device that, like a socket still receiving, tells less than it has: bytesAvailable() says
// nothing is there, read() still gives the bytes.
class UntoldSizeDevice : public QIODevice
{
public:
    explicit UntoldSizeDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_position);
        if (count <= 0)
            return m_position < m_data.size() ? 0 : -1;
        std::memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

QByteArray bytesOfSize(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

bool roomIsZero(const QByteArray &body)
{
    const char *after = body.constData() + body.size();
    for (qsizetype i = 0; i < PaddedBody::Padding; ++i) {
        if (after[i] != 0)
            return false;
    }
    return true;
}

} // namespace

class TestPaddedBody : public QObject
{
    Q_OBJECT

private slots:
    void aBodyReadIsWhatReadAllGivesWithZerosAfterIt_data()
    {
        QTest::addColumn<qsizetype>("size");
        for (const qsizetype size : {0, 1, 63, 64, 65, 4096, 42 * 1024 + 7})
            QTest::addRow("%lld bytes", qlonglong(size)) << size;
    }

    void aBodyReadIsWhatReadAllGivesWithZerosAfterIt()
    {
        QFETCH(qsizetype, size);
        const QByteArray data = bytesOfSize(size);
        QBuffer told;
        told.setData(data);
        QVERIFY(told.open(QIODevice::ReadOnly));
        UntoldSizeDevice untold(data);
        for (QIODevice *device :
             {static_cast<QIODevice *>(&told), static_cast<QIODevice *>(&untold)}) {
            const QByteArray body = PaddedBody::read(device);
            QCOMPARE(body, data);
            QVERIFY(body.capacity() - body.size() > PaddedBody::Padding);
            QVERIFY(roomIsZero(body));
            QVERIFY(PaddedBody::isPadded(body));
            QVERIFY(device->atEnd());
        }
    }

    void onlyARoomOfZerosTheBodyAloneHoldsCountsAsPadded()
    {
        QBuffer device;
        device.setData(bytesOfSize(100));
        QVERIFY(device.open(QIODevice::ReadOnly));
        QByteArray body = PaddedBody::read(&device);
        QVERIFY(PaddedBody::isPadded(body));

        // Shared with a copy, which may append into the room.
        QByteArray copy = body;
        QVERIFY(!PaddedBody::isPadded(body));
        copy.clear();
        QVERIFY(PaddedBody::isPadded(body));

        // A byte written into the room.
        body.append('x');
        QVERIFY(!PaddedBody::isPadded(body));
        body.chop(1);
        body.data()[body.size() + 1] = 'y';
        QVERIFY(!PaddedBody::isPadded(body));

        // Byte arrays made otherwise: exactly their size, or raw data of someone else's.
        QVERIFY(!PaddedBody::isPadded(QByteArray()));
        QVERIFY(!PaddedBody::isPadded(bytesOfSize(100)));
        static const char text[200] = "{}";
        QVERIFY(!PaddedBody::isPadded(QByteArray::fromRawData(text, 2)));
    }
};

QTEST_GUILESS_MAIN(TestPaddedBody)
#include "tst_paddedbody.moc"
