#include "StatementPdf.h"

#include <QLocale>

namespace tessera::sandbox {

namespace {

// "$1,234.56" and "-$12.50", whatever the process's locale: the statement is the bank's.
QByteArray dollars(qint64 cents)
{
    static const QLocale us(QLocale::English, QLocale::UnitedStates);
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return (cents < 0 ? "-$" : "$") + us.toString(magnitude / 100).toLatin1() + '.' +
           QByteArray::number(magnitude % 100).rightJustified(2, '0');
}

// A PDF string literal in the standard fonts' WinAnsi encoding; other characters become '?'.
QByteArray pdfString(const QString &text)
{
    QByteArray out = "(";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char byte = u >= 0x20 && u < 0x100 ? char(u) : '?';
        if (byte == '(' || byte == ')' || byte == '\\')
            out += '\\';
        out += byte;
    }
    return out + ')';
}

QString clipped(const QString &text, int length)
{
    return text.size() <= length ? text : text.left(length - 3) + QStringLiteral("...");
}

// One line of text; its cells start at their x (points from the left edge).
struct Line
{
    QByteArray font; // "F1" regular, "F2" bold
    int size = 10;
    QList<std::pair<int, QString>> cells; // none: a gap
};

Line text(const QByteArray &font, int size, const QString &text)
{
    return Line{font, size, {{50, text}}};
}

Line gap()
{
    return Line{"F1", 10, {}};
}

Line row(const QByteArray &font, const QString &date, const QString &description,
         const QString &amount, const QString &balance)
{
    return Line{font, 9, {{50, date}, {115, description}, {420, amount}, {500, balance}}};
}

class PdfWriter
{
public:
    // Objects 1 (catalog), 2 (pages), 3 and 4 (fonts) first; each page is a page object and
    // its content stream.
    QByteArray write(const QList<QList<Line>> &pages)
    {
        QByteArray body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
        QList<qsizetype> offsets;
        auto object = [&body, &offsets](const QByteArray &content) {
            offsets.append(body.size());
            body += QByteArray::number(offsets.size()) + " 0 obj\n" + content + "\nendobj\n";
        };
        const qsizetype pageCount = pages.size();
        QByteArray kids;
        for (qsizetype i = 0; i < pageCount; ++i)
            kids += QByteArray::number(5 + 2 * i) + " 0 R ";
        object("<< /Type /Catalog /Pages 2 0 R >>");
        object("<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " +
               QByteArray::number(pageCount) + " >>");
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding "
               "/WinAnsiEncoding >>");
        for (qsizetype i = 0; i < pageCount; ++i) {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
                   "<< /F1 3 0 R /F2 4 0 R >> >> /Contents " +
                   QByteArray::number(6 + 2 * i) + " 0 R >>");
            const QByteArray stream = contentStream(pages.at(i));
            object("<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream +
                   "\nendstream");
        }
        const qsizetype xref = body.size();
        body += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
        for (qsizetype offset : std::as_const(offsets))
            body += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        body += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) +
                " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return body;
    }

private:
    static QByteArray contentStream(const QList<Line> &lines)
    {
        QByteArray stream;
        int y = 742;
        for (const Line &line : lines) {
            if (line.cells.isEmpty()) {
                y -= 8;
                continue;
            }
            for (const auto &[x, cell] : line.cells)
                stream += "BT /" + line.font + ' ' + QByteArray::number(line.size) + " Tf " +
                          QByteArray::number(x) + ' ' + QByteArray::number(y) + " Td " +
                          pdfString(cell) + " Tj ET\n";
            y -= line.size + 6;
        }
        return stream;
    }
};

} // namespace

QByteArray StatementPdf::render(const Content &content)
{
    const QDate month = content.statement.periodStart();
    const QString period = QLocale(QLocale::English, QLocale::UnitedStates)
                               .toString(month, QStringLiteral("MMMM yyyy"));
    const QString number = content.account.accountNumber.right(4);

    const QList<Line> header{
        text("F2", 16, QStringLiteral("Account statement")),
        text("F1", 11, period),
        text("F1", 10, QStringLiteral("%1  ****%2").arg(content.account.name, number)),
        gap(),
        text("F1", 10,
             QStringLiteral("Opening balance: %1")
                 .arg(QString::fromLatin1(dollars(content.openingBalance)))),
        text("F1", 10,
             QStringLiteral("Closing balance: %1")
                 .arg(QString::fromLatin1(dollars(content.closingBalance)))),
        gap(),
    };
    const Line tableHead = row("F2", QStringLiteral("Date"), QStringLiteral("Description"),
                               QStringLiteral("Amount"), QStringLiteral("Balance"));
    QList<QList<Line>> pages;
    QList<Line> page = header;
    page.append(tableHead);
    int onPage = 0;
    for (const Transaction &t : content.transactions) {
        if (onPage == LinesPerPage) {
            pages.append(page);
            page = {text("F1", 9, QStringLiteral("%1 (continued)").arg(period)), gap(), tableHead};
            onPage = 0;
        }
        page.append(row("F1", t.createdAt.toUTC().date().toString(Qt::ISODate),
                        clipped(t.summary, 60), QString::fromLatin1(dollars(t.signedAmount())),
                        QString::fromLatin1(dollars(t.balance.value_or(0)))));
        ++onPage;
    }
    if (content.transactions.isEmpty())
        page.append(text("F1", 9, QStringLiteral("No transactions this month.")));
    pages.append(page);
    return PdfWriter().write(pages);
}

} // namespace tessera::sandbox
