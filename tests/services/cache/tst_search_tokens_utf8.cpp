// SPDX-License-Identifier: GPL-3.0-or-later
// The search index tokenizes UTF-8 directly (Utf8SearchTokens), the query and the
// highlighting tokenize QStrings (searchTokens). If the two ever disagreed, a word would be
// indexed one way and looked up another, and a message would silently not be found.
#include "services/cache/search_tokens.h"
#include "services/cache/search_tokens_utf8.h"

#include <QRandomGenerator>
#include <QTest>

using namespace threadline::cache;

namespace {

/// searchTokens' words as UTF-8 with byte offsets, the form the index wants.
struct Expected {
    QByteArray folded;
    int start, end;
    bool operator==(const Expected &) const = default;
};

QList<Expected> expected(const QString &text)
{
    QList<Expected> out;
    for (const SearchToken &t : searchTokens(text))
        out.append({t.folded.toUtf8(), int(text.left(t.start).toUtf8().size()),
                    int(text.left(t.end).toUtf8().size())});
    return out;
}

QList<Expected> actual(const QByteArray &utf8)
{
    const Utf8SearchTokens words(utf8);
    QList<Expected> out;
    for (const auto &t : words.tokens())
        out.append({words.word(t).toByteArray(), t.start, t.end});
    return out;
}

QString describe(const QList<Expected> &tokens)
{
    QStringList parts;
    for (const Expected &t : tokens)
        parts.append(
            QStringLiteral("%1@%2-%3").arg(QString::fromUtf8(t.folded)).arg(t.start).arg(t.end));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestSearchTokensUtf8 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theIndexSplitsAndFoldsExactlyAsTheQueryDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("persian with zwnj")
            << QStringLiteral("کتاب‌های من رسید، ممنون!");
        QTest::newRow("arabic with harakat and tatweel")
            << QStringLiteral("مَرْحَبًا بِكُمْ فـــي المتجر");
        QTest::newRow("arabic letters in persian words") << QStringLiteral("كتابهاي يك ٣ ۴ 5");
        QTest::newRow("digits of three scripts") << QStringLiteral("TL-۱۲۳۴۵۶ كد ٧٨٩ and 42");
        QTest::newRow("english") << QStringLiteral("Where is my order #TL-123456? It's late.");
        QTest::newRow("accented latin") << QStringLiteral("Café Éclair naïve façade ÅNGSTRÖM");
        QTest::newRow("cyrillic hebrew greek") << QStringLiteral("Привет שלום Καλημέρα");
        QTest::newRow("cjk") << QStringLiteral("注文番号 配達 주문");
        QTest::newRow("emoji between words") << QStringLiteral("ممنون🙏thanks👍🏽 ok");
        QTest::newRow("ligatures that unfold into words") << QStringLiteral("ﷲ ﷺ ㍿ ﷽");
        QTest::newRow("fullwidth and superscripts") << QStringLiteral("１２３ ｆｕｌｌ x² ½");
        QTest::newRow("bidi controls and nbsp")
            << QStringLiteral("\u200Fسلام\u200E hello\u00A0world \u202Bx\u202C");
        QTest::newRow("zwj and combining marks") << QStringLiteral("e\u0301 a\u0308 ‍ي‍");
        QTest::newRow("empty") << QString();
        QTest::newRow("only separators") << QStringLiteral(" ،؛.!? \n\t ");
    }

    void theIndexSplitsAndFoldsExactlyAsTheQueryDoes()
    {
        QFETCH(QString, text);
        const auto want = expected(text);
        const auto got = actual(text.toUtf8());
        QVERIFY2(got == want,
                 qPrintable(describe(got) + QStringLiteral(" instead of ") + describe(want)));
    }

    void randomTextFromManyScriptsTokenizesTheSame()
    {
        // Characters from the table, from just outside it, and from far away, mixed.
        const QList<char32_t> pool{U'a',   U'Z',   U'5',   U' ',    U'.',    U'-',   U'_',
                                   0x00E9, 0x00A0, 0x0301, 0x05D0,  0x0410,  0x0627, 0x0628,
                                   0x064A, 0x06CC, 0x0643, 0x06A9,  0x0629,  0x0647, 0x064E,
                                   0x0651, 0x0640, 0x0660, 0x06F1,  0x060C,  0x061F, 0x200C,
                                   0x200D, 0x200E, 0x200F, 0x202B,  0xFDF2,  0xFDFA, 0xFB90,
                                   0xFEFB, 0x3000, 0xFF11, 0x1F64F, 0x1F3FD, 0x4E2D, 0x00BD};
        QRandomGenerator rng(20261206);
        for (int i = 0; i < 3000; ++i) {
            QString text;
            const int length = int(rng.bounded(1, 40));
            for (int k = 0; k < length; ++k) {
                const char32_t c = pool.at(rng.bounded(int(pool.size())));
                text += QString::fromUcs4(&c, 1);
            }
            const auto want = expected(text);
            const auto got = actual(text.toUtf8());
            QVERIFY2(got == want, qPrintable(text + QStringLiteral(": ") + describe(got) +
                                             QStringLiteral(" instead of ") + describe(want)));
        }
    }

    void bytesThatAreNotUtf8AreReadAsQtReadsThem()
    {
        // Cut-off, overlong and surrogate sequences: each reads as U+FFFD, as in Qt.
        for (const QByteArray &bad :
             {QByteArray("abc \xD8"), QByteArray("\xC0\xAF word"), QByteArray("x \xED\xA0\x80 y"),
              QByteArray("\xF5\x80\x80\x80 z"), QByteArray("سلام \xFF دنیا")}) {
            const Utf8SearchTokens words(bad);
            QStringList got;
            for (const auto &t : words.tokens())
                got.append(QString::fromUtf8(words.word(t)));
            QStringList want;
            for (const SearchToken &t : searchTokens(QString::fromUtf8(bad)))
                want.append(t.folded);
            QCOMPARE(got, want);
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchTokensUtf8)
#include "tst_search_tokens_utf8.moc"
