// SPDX-License-Identifier: GPL-3.0-or-later
// A Persian agent's window: mirrored, and not one word of the interface left in
// English. Customer data (names, numbers, addresses) is exempt: it is shown
// isolated (FSI/LRI/RLI … PDI), which is also how this test tells it apart.
#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "resources/shipped_languages.h"
#include "ui/composer.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/timeline_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QRawFont>
#include <QTextLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTest>
#include <QXmlStreamReader>

using namespace threadline;

namespace {

/// Text with every isolated stretch (untrusted data) taken out.
QString withoutIsolates(const QString &text)
{
    QString out;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QChar(0x2066) || c == QChar(0x2067) || c == QChar(0x2068))
            ++depth;
        else if (c == QChar(0x2069))
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out.append(c);
    }
    return out;
}

/// Latin words that may stay in a Persian interface: key names in shortcuts.
bool isAllowedLatinWord(const QString &word)
{
    static const QStringList allowed = {QStringLiteral("Ctrl"), QStringLiteral("Enter"),
                                        QStringLiteral("ws"), QStringLiteral("wss")};
    return word.size() == 1 || allowed.contains(word);
}

QStringList englishWordsIn(const QString &text)
{
    static const QRegularExpression latinWord(QStringLiteral("[A-Za-z]+"));
    QStringList words;
    for (auto it = latinWord.globalMatch(withoutIsolates(text)); it.hasNext();) {
        const QString word = it.next().captured();
        if (!isAllowedLatinWord(word))
            words.append(word);
    }
    return words;
}

models::Customer persianCustomer()
{
    models::Customer c;
    c.id = 7;
    c.name = QStringLiteral("زهرا احمدی");
    c.identities = {{QStringLiteral("phone"), QStringLiteral("+989121234567")},
                    {QStringLiteral("email"), QStringLiteral("zahra@example.ir")},
                    {QStringLiteral("chat"), QStringLiteral("v-1234")}};
    c.status = QStringLiteral("open");
    c.assignee = QStringLiteral("agent");
    c.lastAt = QDateTime::currentMSecsSinceEpoch() - 5 * 60 * 1000;
    c.lastChannel = QStringLiteral("email");
    c.lastDirection = QStringLiteral("in");
    c.lastPreview = QStringLiteral("سلام، سفارشم نرسیده");
    c.itemCount = 2;
    return c;
}

QList<models::Message> customerThread()
{
    models::Message email;
    email.id = 2;
    email.customerId = 7;
    email.channel = QStringLiteral("email");
    email.direction = QStringLiteral("in");
    email.author = QStringLiteral("زهرا احمدی");
    email.identity = QStringLiteral("zahra@example.ir");
    email.subject = QStringLiteral("سفارش ۱۲۳۴");
    email.body = QStringLiteral("سلام، سفارشم نرسیده");
    email.at = QDateTime::currentMSecsSinceEpoch() - 5 * 60 * 1000;
    models::Message order = email;
    order.id = 1;
    order.channel = QStringLiteral("order");
    order.direction = QStringLiteral("internal");
    order.meta = {{QStringLiteral("number"), QStringLiteral("TL-1234")},
                  {QStringLiteral("status"), QStringLiteral("shipped")}};
    order.at -= 60 * 60 * 1000;
    return {email, order}; // newest first
}

} // namespace

class TestRightToLeftWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(resources::shippedLanguages(), (QStringList{u"ar"_qs, u"fa"_qs}));
    }
    void cleanup() { useEnglish(); }

    void inPersianTheWindowIsMirrored()
    {
        auto window = openWindow(QStringLiteral("fa"));
        QVERIFY(window->isRightToLeft());
        auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
        QVERIFY2(inbox->mapTo(window.get(), QPoint(0, 0)).x()
                     > window->timelineView()->mapTo(window.get(), QPoint(0, 0)).x(),
                 "the inbox is on the right");
        auto *panel = window->findChild<QWidget *>(QStringLiteral("customerPanel"));
        QVERIFY2(panel->mapTo(window.get(), QPoint(0, 0)).x()
                     < window->timelineView()->mapTo(window.get(), QPoint(0, 0)).x(),
                 "what we know about the customer is on the left");
    }

    void persianTextIsSetInAnArabicScriptFaceNotDejaVu_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Persian interface") << u"fa"_qs;
        QTest::newRow("Arabic interface") << u"ar"_qs;
        QTest::newRow("English interface") << u"en"_qs;
    }
    void persianTextIsSetInAnArabicScriptFaceNotDejaVu()
    {
        QFETCH(QString, language);
        if (!QFontDatabase::families().contains(u"Noto Sans Arabic"_qs))
            QSKIP("Noto Sans Arabic is missing: install the Debian package fonts-noto-core");
        ui::useInterfaceLanguage(language);
        QTextLayout layout(u"زهرا احمدی ۱۴۰۳ علي"_qs, QApplication::font());
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        QVERIFY(!runs.isEmpty());
        // Letters and digits in Noto Sans Arabic; spaces may come from Noto Sans.
        QStringList families;
        for (const QGlyphRun &run : runs)
            families.append(run.rawFont().familyName());
        QVERIFY2(families.contains(u"Noto Sans Arabic"_qs), qPrintable(families.join(u',')));
        QVERIFY2(!families.join(u',').contains(u"DejaVu"), qPrintable(families.join(u',')));
    }

    void noInterfaceTextIsLeftInEnglish_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Persian") << u"fa"_qs;
        QTest::newRow("Arabic") << u"ar"_qs;
    }
    void noInterfaceTextIsLeftInEnglish()
    {
        QFETCH(QString, language);
        auto window = openWindow(language);
        QStringList english;
        const auto check = [&english](const QString &where, const QString &text) {
            const QStringList words = englishWordsIn(text);
            if (!words.isEmpty())
                english.append(where + QStringLiteral(": \"") + text + QStringLiteral("\""));
        };
        // Every state of the status bar and the composer the agent can see.
        window->setUser(QStringLiteral("agent"), QStringLiteral("supervisor"));
        window->setOutboxCount(3);
        for (const bool online : {true, false}) {
            window->setConnection(online, QString());
            walk(window.get(), check);
        }
        window->showProblem(QCoreApplication::translate(
            "threadline::app::Desktop",
            "No keychain in use: the local cache is protected by your passphrase."));
        check(QStringLiteral("status message"), window->statusBar()->currentMessage());
        for (const char *channel : {"chat", "sms", "email", "note"}) {
            window->composer()->setChannel(QLatin1String(channel));
            window->composer()->findChild<QPlainTextEdit *>()->setPlainText(u"سلام"_qs);
            walk(window.get(), check);
        }
        english.removeDuplicates();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    }

    void theSameWindowInEnglishIsCaughtByTheCheck()
    {
        // The check itself works: in English it finds plenty.
        auto window = openWindow(QStringLiteral("en"));
        QStringList english;
        walk(window.get(), [&english](const QString &, const QString &text) {
            english += englishWordsIn(text);
        });
        QVERIFY(english.contains(u"Identities"_qs));
        QVERIFY(!window->isRightToLeft());
    }

    void everyTranslationIsFinishedAndKeepsItsPlaceholders_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Persian") << u"fa"_qs;
        QTest::newRow("Arabic") << u"ar"_qs;
    }
    void everyTranslationIsFinishedAndKeepsItsPlaceholders()
    {
        QFETCH(QString, language);
        QFile ts(QStringLiteral(THREADLINE_SOURCE_DIR "/resources/translations/threadline_")
                 + language + QStringLiteral(".ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        static const QRegularExpression placeholder(QStringLiteral("%[0-9n]"));
        const auto placeholders = [](const QString &text) {
            QStringList found;
            for (auto it = placeholder.globalMatch(text); it.hasNext();)
                found.append(it.next().captured());
            found.sort();
            found.removeDuplicates();
            return found;
        };
        QString source;
        bool numerus = false;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"message") {
                numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == u"translation") {
                QVERIFY2(xml.attributes().value(QLatin1String("type")).isEmpty(), qPrintable(source));
                if (!numerus) {
                    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    QVERIFY2(!text.trimmed().isEmpty(), qPrintable(source));
                    QCOMPARE(placeholders(text), placeholders(source));
                }
            }
            // Numerus forms may spell out one and two (Arabic): not compared here.
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 80);
    }

private:
    static void useEnglish() { ui::useInterfaceLanguage(QStringLiteral("en")); }

    std::unique_ptr<ui::MainWindow> openWindow(const QString &language)
    {
        ui::useInterfaceLanguage(language);
        m_inbox = std::make_unique<models::InboxModel>();
        m_timeline = std::make_unique<models::TimelineModel>();
        auto window = std::make_unique<ui::MainWindow>(m_inbox.get(), m_timeline.get());
        m_inbox->applyCustomers({persianCustomer()});
        window->show();
        window->openCustomer(7);
        const QList<models::Message> items = customerThread();
        m_timeline->applyPage(7, items, items.last().at, items.last().id, true);
        [&window] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
        return window;
    }

    /// Calls @p check with every piece of interface text a visible widget shows.
    template<typename Check>
    static void walk(QWidget *root, const Check &check)
    {
        check(QStringLiteral("window title"), root->windowTitle());
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root))
                continue;
            const QString name = QString::fromLatin1(w->metaObject()->className());
            check(name + QStringLiteral(" tooltip"), w->toolTip());
            if (auto *label = qobject_cast<QLabel *>(w))
                check(name, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                check(name, button->text());
            else if (auto *line = qobject_cast<QLineEdit *>(w))
                check(name + QStringLiteral(" placeholder"), line->placeholderText());
            else if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
                check(name + QStringLiteral(" placeholder"), edit->placeholderText());
            if (auto *combo = qobject_cast<QComboBox *>(w))
                for (int i = 0; i < combo->count(); ++i)
                    check(name + QStringLiteral(" item"), combo->itemText(i));
            if (auto *list = qobject_cast<QListWidget *>(w))
                for (int i = 0; i < list->count(); ++i)
                    check(name + QStringLiteral(" item"), list->item(i)->text());
        }
    }

    std::unique_ptr<models::InboxModel> m_inbox;
    std::unique_ptr<models::TimelineModel> m_timeline;
};

QTEST_MAIN(TestRightToLeftWindow)
#include "tst_right_to_left_window.moc"
