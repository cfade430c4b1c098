#include "SecretRedactor.h"

#include <QMutex>

namespace tessera {

namespace {

// The handler stays installed until the process is gone, so a message logged from a static
// destructor or an atexit handler passes through it after every static object has been
// destroyed, Qt's included. Hence:
// - the redactor's state is created on first use and deliberately never destroyed (no
//   static object, not even a Q_GLOBAL_STATIC, which is destroyed with the others);
// - the patterns are matched by hand, not with QRegularExpression: a destroyed static
//   QRegularExpression matches nothing (the message went out unredacted), and even a leaked
//   one would still lean on QtCore's own state for matching.
struct State
{
    QMutex mutex;
    QStringList secrets;
};

State &state()
{
    static State *const s = new State; // leaked on purpose, see above
    return *s;
}

// Constant-initialised and trivially destructible: valid at any time.
QtMessageHandler g_previous = nullptr;

constexpr QLatin1String MaskText(SecretRedactor::Mask);

// What PCRE's \s matches (without Unicode properties), so the patterns below keep the meaning
// the regular expressions they replace had.
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\v' || u == u'\f' || u == u'\r';
}

// The redacted copy of a text: spans are masked in order, the rest is copied as it is.
class MaskedCopy
{
public:
    explicit MaskedCopy(const QString &text)
        : m_text(text)
    {}
    void mask(qsizetype from, qsizetype to)
    {
        m_out += QStringView(m_text).mid(m_copied, from - m_copied);
        m_out += MaskText;
        m_copied = to;
        m_masked = true;
    }
    QString result() const
    {
        if (!m_masked)
            return m_text;
        QString out = m_out;
        out += QStringView(m_text).mid(m_copied);
        return out;
    }

private:
    const QString &m_text;
    QString m_out;
    qsizetype m_copied = 0;
    bool m_masked = false;
};

bool startsWithAt(const QString &text, qsizetype at, QLatin1String word,
                  Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    return QStringView(text).mid(at).startsWith(word, cs);
}

// (Bearer\s+)[^\s"',;]+ without case: keeps "Bearer ", masks the credential.
QString maskBearer(const QString &text)
{
    const QLatin1String bearer("bearer");
    MaskedCopy copy(text);
    for (qsizetype i = text.indexOf(bearer, 0, Qt::CaseInsensitive); i >= 0;
         i = text.indexOf(bearer, i, Qt::CaseInsensitive)) {
        qsizetype j = i + bearer.size();
        const qsizetype valueStart = [&] {
            qsizetype k = j;
            while (k < text.size() && isSpace(text.at(k)))
                ++k;
            return k;
        }();
        if (valueStart == j) { // no space after "Bearer"
            i = j;
            continue;
        }
        j = valueStart;
        while (j < text.size() && !isSpace(text.at(j)) && text.at(j) != u'"' &&
               text.at(j) != u'\'' && text.at(j) != u',' && text.at(j) != u';')
            ++j;
        if (j == valueStart) { // nothing to hide
            i = valueStart;
            continue;
        }
        copy.mask(valueStart, j);
        i = j;
    }
    return copy.result();
}

// v2\.(public|local)\.[A-Za-z0-9_\-.=]+ : Unit-style tokens, masked whole.
QString maskUnitTokens(const QString &text)
{
    const QLatin1String v2("v2.");
    const auto isTokenChar = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
               u == u'_' || u == u'-' || u == u'.' || u == u'=';
    };
    MaskedCopy copy(text);
    for (qsizetype i = text.indexOf(v2); i >= 0; i = text.indexOf(v2, i)) {
        qsizetype j = i + v2.size();
        if (startsWithAt(text, j, QLatin1String("public.")))
            j += 7;
        else if (startsWithAt(text, j, QLatin1String("local.")))
            j += 6;
        else {
            i = i + 1;
            continue;
        }
        const qsizetype valueStart = j;
        while (j < text.size() && isTokenChar(text.at(j)))
            ++j;
        if (j == valueStart) {
            i = i + 1;
            continue;
        }
        copy.mask(i, j);
        i = j;
    }
    return copy.result();
}

// ("(?:token|verificationToken|verificationCode|jwtToken|orgToken)"\s*:\s*")[^"]* : keeps the
// attribute's name, masks its string value.
QString maskJsonSecrets(const QString &text)
{
    static constexpr QLatin1String names[] = {
        QLatin1String("\"token\""), QLatin1String("\"verificationToken\""),
        QLatin1String("\"verificationCode\""), QLatin1String("\"jwtToken\""),
        QLatin1String("\"orgToken\"")};
    MaskedCopy copy(text);
    for (qsizetype i = text.indexOf(u'"'); i >= 0; i = text.indexOf(u'"', i)) {
        qsizetype j = -1;
        for (const QLatin1String name : names) {
            if (startsWithAt(text, i, name)) {
                j = i + name.size();
                break;
            }
        }
        if (j < 0) {
            ++i;
            continue;
        }
        while (j < text.size() && isSpace(text.at(j)))
            ++j;
        if (j >= text.size() || text.at(j) != u':') {
            ++i;
            continue;
        }
        ++j;
        while (j < text.size() && isSpace(text.at(j)))
            ++j;
        if (j >= text.size() || text.at(j) != u'"') {
            ++i;
            continue;
        }
        const qsizetype valueStart = j + 1;
        qsizetype valueEnd = text.indexOf(u'"', valueStart);
        if (valueEnd < 0)
            valueEnd = text.size();
        copy.mask(valueStart, valueEnd);
        i = valueEnd;
    }
    return copy.result();
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = SecretRedactor::redact(message);
    if (g_previous)
        g_previous(type, context, safe);
}

} // namespace

void SecretRedactor::remember(const QString &secret)
{
    if (secret.size() < 6)
        return; // too short to hide without hiding ordinary words
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.secrets.contains(secret))
        s.secrets.append(secret);
}

void SecretRedactor::forget(const QString &secret)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.secrets.removeAll(secret);
}

QString SecretRedactor::redact(const QString &message)
{
    QString result = message;
    {
        State &s = state();
        QMutexLocker lock(&s.mutex);
        const QString mask(MaskText);
        for (const QString &secret : std::as_const(s.secrets))
            result.replace(secret, mask);
    }
    result = maskBearer(result);
    result = maskUnitTokens(result);
    return maskJsonSecrets(result);
}

void SecretRedactor::installMessageHandler()
{
    state(); // made now, not in the middle of someone's message
    QtMessageHandler previous = qInstallMessageHandler(redactingHandler);
    if (previous != redactingHandler)
        g_previous = previous;
}

} // namespace tessera
