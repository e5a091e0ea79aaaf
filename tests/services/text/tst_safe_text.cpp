// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted text inside our sentences: a customer name or a file name must not
// reorder the words around it (Trojan Source, CVE-2021-42574) nor disguise itself.
// ICU's ubidi is the reference: it is first checked against Unicode's own
// BidiCharacterTest.txt, then every string of that file is used as a hostile name.
#include "services/text/safe_text.h"

#include <QFile>
#include <QTest>
#include <unicode/ubidi.h>

using namespace threadline::text;

namespace {

constexpr char16_t kFsi = 0x2068;
constexpr char16_t kPdi = 0x2069;

/// Logical UTF-16 indexes of @p text in visual order, left to right, for a
/// paragraph of level @p paraLevel (0, 1 or UBIDI_DEFAULT_LTR).
QList<int> visualOrder(const QString &text, UBiDiLevel paraLevel)
{
    UErrorCode error = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(static_cast<int32_t>(text.size()), 0, &error);
    ubidi_setPara(bidi, reinterpret_cast<const UChar *>(text.utf16()),
                  static_cast<int32_t>(text.size()), paraLevel, nullptr, &error);
    QList<int> map(text.size());
    if (!text.isEmpty())
        ubidi_getVisualMap(bidi, map.data(), &error);
    ubidi_close(bidi);
    if (U_FAILURE(error))
        qFatal("ubidi failed: %s", u_errorName(error));
    return map;
}

/// The characters of @p text as they appear on screen, left to right.
QString visualString(const QString &text, UBiDiLevel paraLevel)
{
    QString out;
    for (const int i : visualOrder(text, paraLevel))
        out.append(text.at(i));
    return out;
}

/// A line of BidiCharacterTest.txt.
struct BidiCase {
    QString text;
    QList<int> codeUnitOfCodePoint; ///< UTF-16 index of each code point
    UBiDiLevel paraLevel = 0;
    QList<int> expectedOrder; ///< code point indexes, controls removed by X9 left out
    int line = 0;
};

QList<BidiCase> readBidiCharacterTest()
{
    QFile file(QStringLiteral(BIDI_CHARACTER_TEST));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<BidiCase> cases;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split(';');
        if (fields.size() < 5)
            continue;
        BidiCase c;
        c.line = lineNumber;
        for (const QByteArray &hex : fields.at(0).split(' ')) {
            c.codeUnitOfCodePoint.append(static_cast<int>(c.text.size()));
            const char32_t cp = hex.toUInt(nullptr, 16);
            c.text.append(QString::fromUcs4(&cp, 1));
        }
        const int direction = fields.at(1).toInt();
        c.paraLevel = direction == 2 ? UBIDI_DEFAULT_LTR : static_cast<UBiDiLevel>(direction);
        for (const QByteArray &index : fields.at(4).split(' '))
            if (!index.isEmpty())
                c.expectedOrder.append(index.toInt());
        cases.append(c);
    }
    return cases;
}

/// The visual order of the characters of @p text that are not inside
/// [from, from + length), numbered as if that span were not there.
QList<int> orderOutside(const QString &text, UBiDiLevel paraLevel, int from, int length)
{
    QList<int> out;
    for (const int i : visualOrder(text, paraLevel)) {
        if (i < from)
            out.append(i);
        else if (i >= from + length)
            out.append(i - length);
    }
    return out;
}

/// Whether the characters in [from, from + length) are next to each other on screen.
bool isContiguousOnScreen(const QString &text, UBiDiLevel paraLevel, int from, int length)
{
    QList<int> positions;
    const QList<int> order = visualOrder(text, paraLevel);
    for (int v = 0; v < order.size(); ++v)
        if (order.at(v) >= from && order.at(v) < from + length)
            positions.append(v);
    return positions.isEmpty() || positions.last() - positions.first() + 1 == positions.size();
}

struct Sentence {
    QString before;
    QString after;
    UBiDiLevel level;
};

// UI sentences with mixed directions on both sides of the untrusted text.
const Sentence kSentences[] = {
    {QStringLiteral("Assigned to "), QStringLiteral(" by admin, order 1402 (سفارش)"), 0},
    {QStringLiteral("مشتری "), QStringLiteral(" نوشت: order #42 ۱۴۰۳"), 1},
    {QStringLiteral("From: "), QStringLiteral(" — 2 files"), UBIDI_DEFAULT_LTR},
};

} // namespace

class TestSafeText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neutralisingDropsEmbeddingsOverridesAndIsolates()
    {
        QString all;
        for (char16_t c = 0x202A; c <= 0x202E; ++c)
            all.append(QChar(c));
        for (char16_t c = 0x2066; c <= 0x2069; ++c)
            all.append(QChar(c));
        QCOMPARE(neutraliseBidi(QString(u"a" + all + u"b")), u"ab"_qs);
        QCOMPARE(neutraliseBidiStrict(QString(u"a" + all + u"b")), u"ab"_qs);
        QVERIFY(hasBidiControls(all));
        QVERIFY(!hasBidiControls(u"علی رضایی Ali"));
    }

    void namesKeepTheirMarksButFileNamesDoNot()
    {
        const QString name = QStringLiteral("علی\u200Fرضا\u061C");
        QCOMPARE(neutraliseBidi(name), name);
        QCOMPARE(neutraliseBidiStrict(u"\u200Einvoice\u200F.pdf\u061C"), u"invoice.pdf"_qs);
    }

    void lineAndParagraphBreaksCannotEndTheIsolateEarly()
    {
        QCOMPARE(isolate(u"a\nb\u2029c\u2028d\re"), u"\u2068a b c d e\u2069"_qs);
    }

    void isolateWrapsInFirstStrongIsolate()
    {
        QCOMPARE(isolate(u"علی"), u"\u2068علی\u2069"_qs);
        QCOMPARE(isolate(u""), u"\u2068\u2069"_qs);
        QCOMPARE(isolateStrict(u"+98\u200F912"), u"\u2068+98912\u2069"_qs);
        QCOMPARE(isolate(u"Re: سفارش\u202E", Qt::RightToLeft), u"\u2067Re: سفارش\u2069"_qs);
        QCOMPARE(isolate(u"سفارش", Qt::LeftToRight), u"\u2066سفارش\u2069"_qs);
    }

    void theBidiReferenceAgreesWithUnicodesExpectedOrder()
    {
        const QList<BidiCase> cases = readBidiCharacterTest();
        if (cases.isEmpty())
            QSKIP("BidiCharacterTest.txt is missing: install the Debian package unicode-data");
        QVERIFY(cases.size() > 90000);
        int failures = 0;
        int knownDeviations = 0;
        QString first;
        for (const BidiCase &c : cases) {
            // Unicode's order leaves out what rule X9 removes; map code units back
            // to code points and keep only those the file lists.
            QList<int> order;
            QSet<int> listed(c.expectedOrder.cbegin(), c.expectedOrder.cend());
            for (const int unit : visualOrder(c.text, c.paraLevel)) {
                const int cp = static_cast<int>(std::upper_bound(c.codeUnitOfCodePoint.cbegin(),
                                                                 c.codeUnitOfCodePoint.cend(), unit)
                                                - c.codeUnitOfCodePoint.cbegin())
                               - 1;
                if (listed.contains(cp) && (order.isEmpty() || order.last() != cp))
                    order.append(cp);
            }
            if (order == c.expectedOrder)
                continue;
            // ICU 72 differs from the Unicode 15 reference in three corners: isolates
            // inside explicit overrides (LRO/RLO, which our helpers never let
            // through), nonspacing marks after a bracket pair (rule N0), and more
            // than 63 nested brackets. Anything else is a real disagreement.
            const bool knownCorner = c.text.contains(QChar(0x202D)) || c.text.contains(QChar(0x202E))
                                     || std::any_of(c.text.cbegin(), c.text.cend(),
                                                    [](QChar ch) {
                                                        return ch.category() == QChar::Mark_NonSpacing;
                                                    })
                                     || c.text.count(QLatin1Char('(')) > 63;
            if (knownCorner) {
                ++knownDeviations;
                continue;
            }
            if (failures++ == 0)
                first = QStringLiteral("line %1").arg(c.line);
        }
        QVERIFY2(failures == 0, qPrintable(QStringLiteral("%1 mismatches, first at %2")
                                                .arg(failures)
                                                .arg(first)));
        QVERIFY2(knownDeviations < 50, qPrintable(QString::number(knownDeviations)));
    }

    void noIsolatedStringFromTheBidiTestsReordersTheSentenceAroundIt()
    {
        const QList<BidiCase> cases = readBidiCharacterTest();
        if (cases.isEmpty())
            QSKIP("BidiCharacterTest.txt is missing: install the Debian package unicode-data");
        int reorderedWithoutIsolation = 0;
        for (const Sentence &s : kSentences) {
            const int from = static_cast<int>(s.before.size());
            const QString placeholder = s.before + isolate(u"x") + s.after;
            const QList<int> expected = orderOutside(placeholder, s.level, from, 3);
            for (const BidiCase &c : cases) {
                const QString shown = isolate(c.text);
                const QString sentence = s.before + shown + s.after;
                const auto length = static_cast<int>(shown.size());
                if (orderOutside(sentence, s.level, from, length) != expected)
                    QFAIL(qPrintable(QStringLiteral("line %1 reorders \"%2…%3\"")
                                         .arg(c.line)
                                         .arg(s.before, s.after)));
                if (!isContiguousOnScreen(sentence, s.level, from, length))
                    QFAIL(qPrintable(QStringLiteral("line %1 is split apart on screen").arg(c.line)));
                // The same string pasted in raw: the check above would have caught it.
                const QString raw = s.before + c.text + s.after;
                const QString rawPlaceholder = s.before + u"x" + s.after;
                if (orderOutside(raw, s.level, from, static_cast<int>(c.text.size()))
                    != orderOutside(rawPlaceholder, s.level, from, 1))
                    ++reorderedWithoutIsolation;
            }
        }
        QVERIFY2(reorderedWithoutIsolation > 1000,
                 qPrintable(QString::number(reorderedWithoutIsolation)));
    }

    void aTrojanSourceNameCannotReverseTheRestOfTheSentence()
    {
        const QString hostile = QStringLiteral("\u202EZahra");
        const QString raw = u"Assigned to " + hostile + u" by admin";
        QVERIFY(visualString(raw, 0).contains(u"nimda yb"));
        const QString safe = u"Assigned to " + isolate(hostile) + u" by admin";
        QVERIFY(visualString(safe, 0).endsWith(u"Zahra\u2069 by admin"));
    }

    void aStrayPopIsolateInANameCannotCloseOurIsolate()
    {
        // Wrapping alone is not enough: a PDI inside would end the isolate and
        // let the override after it loose on the sentence.
        const QString hostile = QStringLiteral("Ali\u2069\u202E");
        const QString wrapped = u"Assigned to \u2068" + hostile + u"\u2069 by admin";
        QVERIFY(visualString(wrapped, 0).contains(u"nimda yb"));
        const QString safe = u"Assigned to " + isolate(hostile) + u" by admin";
        QVERIFY(visualString(safe, 0).endsWith(u" by admin"));
    }

    void aFileNameCannotDisguiseItsExtension_data()
    {
        QTest::addColumn<QString>("sentenceBefore");
        QTest::addColumn<int>("level");
        QTest::newRow("left-to-right UI") << u"Attachment: "_qs << 0;
        QTest::newRow("right-to-left UI") << u"پیوست: "_qs << 1;
    }
    void aFileNameCannotDisguiseItsExtension()
    {
        QFETCH(QString, sentenceBefore);
        QFETCH(int, level);
        const auto paraLevel = static_cast<UBiDiLevel>(level);
        const QString hostile = QStringLiteral("invoice\u202Efdp.exe");
        // Shown raw, the reader sees a PDF.
        QVERIFY(visualString(sentenceBefore + hostile, paraLevel).contains(u"exe.pdf"));
        const QString shown = displayFileName(hostile);
        const QString onScreen = visualString(sentenceBefore + shown, paraLevel);
        QVERIFY2(onScreen.contains(u"invoicefdp.exe"), qPrintable(onScreen));
        QVERIFY(!onScreen.contains(u".pdf"));
        // An RLM cannot flip the file name's direction either.
        QCOMPARE(displayFileName(u"\u200Fgpj.exe"), u"\u2068gpj.exe\u2069"_qs);
    }
};

QTEST_APPLESS_MAIN(TestSafeText)
#include "tst_safe_text.moc"
