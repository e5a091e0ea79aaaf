// SPDX-License-Identifier: GPL-3.0-or-later
// An email card's attachments and original formatting, as an agent meets them: the
// attachment lines cannot be disguised by a right-to-left override, show sizes in the
// reader's digits and are clickable; saving one writes the hub's exact bytes (fetched on
// the service layer from a real hub); the original formatting loads nothing from anywhere.
#include "models/timeline_model.h"
#include "services/cache/cache_store.h"
#include "services/sync/attachment_saver.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/customer_mail.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/ui/timeline_points.h"
#include "ui/attachment_actions.h"
#include "ui/attachment_list.h"
#include "ui/html_email_view.h"
#include "ui/timeline_delegate.h"
#include "ui/timeline_view.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using models::Message;

namespace {
constexpr int kWaitMs = 20000;
const QString kDisguised = QStringLiteral(u"invoice\u202Efdp.exe");

Message emailWithAttachments()
{
    Message m;
    m.id = 41;
    m.customerId = 7;
    m.channel = QStringLiteral("email");
    m.direction = QStringLiteral("in");
    m.author = QStringLiteral("Maryam");
    m.subject = QStringLiteral("Papers");
    m.body = QStringLiteral("The invoice is attached.");
    m.at = 1732530000000;
    // As an older hub would list it: the name still carries its override.
    m.meta = QJsonObject{
        {QStringLiteral("html"), true},
        {QStringLiteral("attachments"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("name"), QStringLiteral("photo.jpg")},
                                {QStringLiteral("type"), QStringLiteral("image/jpeg")},
                                {QStringLiteral("size"), 2048}},
                    QJsonObject{{QStringLiteral("index"), 1},
                                {QStringLiteral("name"), kDisguised},
                                {QStringLiteral("type"), QStringLiteral("application/octet-stream")},
                                {QStringLiteral("size"), 1536000}}}}};
    return m;
}

} // namespace

class TestEmailCard : public QObject {
    Q_OBJECT
    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        QVERIFY(m_dir.isValid());
    }

    void anOverriddenNameShowsItsRealExtensionAndTheSizeInTheReadersDigits()
    {
        const auto rows = ui::attachmentsOf(emailWithAttachments());
        QCOMPARE(rows.size(), 2);
        const QString line = ui::attachmentLine(rows.at(1), QLocale(QStringLiteral("fa_IR")));
        QVERIFY(!line.contains(QChar(0x202E)));
        // Isolated: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around the name.
        QVERIFY(line.contains(QString(QChar(0x2068)) + QStringLiteral("invoicefdp.exe") +
                              QChar(0x2069)));
        QVERIFY2(line.contains(QStringLiteral("۱")), qPrintable(line)); // 1.5 MB in Persian
        QCOMPARE(ui::attachmentSymbol(QStringLiteral("image/jpeg")), QStringLiteral("🖼"));
        // And the name offered for saving has neither the override nor a path in it.
        QCOMPARE(ui::safeFileName(kDisguised), QStringLiteral("invoicefdp.exe"));
        QCOMPARE(ui::safeFileName(QStringLiteral("../../.bashrc")), QStringLiteral("_.._.bashrc"));
        QCOMPARE(ui::safeFileName(QString()), QStringLiteral("attachment"));
    }

    void clickingAnAttachmentLineAsksToSaveThatAttachment()
    {
        models::TimelineModel model;
        model.showCustomer(7);
        const Message m = emailWithAttachments();
        model.applyPage(7, {m}, m.at, 1, true);
        ui::TimelineView view;
        view.setTimeline(&model);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy attachment(&view, &ui::TimelineView::attachmentActivated);
        QSignalSpy original(&view, &ui::TimelineView::originalFormattingRequested);
        QSignalSpy links(&view, &ui::TimelineView::linkActivated);

        const QPoint second = testing::pointOfLink(view, ui::email_extras::attachmentScheme + QStringLiteral("1"));
        QVERIFY(second.x() >= 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, second);
        QCOMPARE(attachment.size(), 1);
        QCOMPARE(attachment.first().at(0).value<Message>().id, 41);
        QCOMPARE(attachment.first().at(1).toInt(), 1);

        const QPoint formatting = testing::pointOfLink(view, ui::email_extras::originalFormatting);
        QVERIFY(formatting.x() >= 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, formatting);
        QCOMPARE(original.size(), 1);
        QCOMPARE(links.size(), 0); // never handed to the browser as a URL
    }

    void offlineTheLinesOfWhatWasNotKeptSayTheyNeedAConnection()
    {
        QWidget window;
        ui::AttachmentActions actions(&window);
        int asked = 0;
        actions.setChooser([&](const QString &) {
            ++asked;
            return QStringLiteral("/tmp/never-written.jpg");
        });
        QSignalSpy saves(&actions, &ui::AttachmentActions::saveRequested);
        QSignalSpy html(&actions, &ui::AttachmentActions::htmlRequested);
        QSignalSpy notices(&actions, &ui::AttachmentActions::notice);
        const Message m = emailWithAttachments();
        const QString needs = QStringLiteral("needs a connection to the hub");
        const QLocale english(QLocale::English);

        // Online everything can be fetched: no line says otherwise.
        for (const ui::EmailExtraLine &line : ui::emailExtraLines(m, english))
            QVERIFY2(!line.text.contains(needs), qPrintable(line.text));

        // The service thread kept the photo; then the hub went away.
        actions.onPartsKept(m.id, {0});
        actions.onConnectionChanged(false);
        const auto lines = ui::emailExtraLines(m, english);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(!lines.at(0).text.contains(needs), qPrintable(lines.at(0).text));
        QVERIFY2(lines.at(1).text.contains(needs), qPrintable(lines.at(1).text));
        QVERIFY2(lines.at(2).text.contains(needs), qPrintable(lines.at(2).text));
        // The name is still the isolated, override-free one.
        QVERIFY(lines.at(1).text.contains(QStringLiteral("invoicefdp.exe")));

        // The kept one is saved as online; the other asks for no file and says why.
        actions.saveAttachment(m, 0);
        QCOMPARE(saves.size(), 1);
        actions.saveAttachment(m, 1);
        QCOMPARE(asked, 1);
        QCOMPARE(saves.size(), 1);
        QVERIFY(notices.last().at(0).toString().contains(QStringLiteral("Not connected")));
        actions.showOriginalFormatting(m);
        QCOMPARE(html.size(), 0);

        // Back online: every line is an ordinary line again.
        actions.onConnectionChanged(true);
        for (const ui::EmailExtraLine &line : ui::emailExtraLines(m, english))
            QVERIFY2(!line.text.contains(needs), qPrintable(line.text));
    }

    void theOriginalFormattingLoadsNothingEvenWhenTheHtmlAsksForIt()
    {
        // HTML the hub would never send: the view must hold on its own.
        const QString hostile = QStringLiteral(
            "<p>Hello</p><img src=\"http://127.0.0.1:9/track.gif\">"
            "<img src=\"file:///etc/hostname\"><link rel=stylesheet href=\"http://127.0.0.1:9/a.css\">"
            "<a href=\"https://shop.example.ir/\">shop</a>");
        ui::HtmlEmailView view(QStringLiteral("Papers"), hostile);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTextDocument *doc = view.browser()->document();
        QVERIFY(doc->toPlainText().contains(QStringLiteral("Hello")));
        // Qt asked for the images; it got nothing for any of them.
        QTRY_VERIFY(view.browser()->refused().contains(QStringLiteral("http://127.0.0.1:9/track.gif")));
        QVERIFY(view.browser()->refused().contains(QStringLiteral("file:///etc/hostname")));
        QVERIFY(!doc->resource(QTextDocument::ImageResource,
                               QUrl(QStringLiteral("http://127.0.0.1:9/track.gif")))
                     .isValid());
        QVERIFY(!view.browser()->openLinks());
        QVERIFY(!view.browser()->openExternalLinks());
        QVERIFY(view.browser()->isReadOnly());
    }

    void savingAnAttachmentWritesTheHubsExactBytes()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        const QByteArray pdf = testing::pdfLike(700 * 1024);
        const auto posted = testing::httpPost(testing::hubHttpUrl(m_hub, QStringLiteral("/ingress/email")),
                                              testing::customerMail("papers-ui", {{"receipt.pdf", pdf}}),
                                              QByteArrayLiteral("message/rfc822"));
        QCOMPARE(posted.status, 201);
        const qint64 messageId = posted.json().value(QStringLiteral("message_id")).toInteger();

        auto opened = cache::CacheStore::open(m_dir.filePath(QStringLiteral("cache.db")),
                                              cache::testing::randomKey());
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        services::SyncService sync(std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened)),
                                   m_hub.url());
        QSignalSpy signedIn(&sync, &services::SyncService::signedIn);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));

        // The window's part: the agent picks where; the suggested name is the safe one.
        QWidget window;
        ui::AttachmentActions actions(&window);
        QString suggested;
        const QString chosen = m_dir.filePath(QStringLiteral("saved.pdf"));
        actions.setChooser([&](const QString &s) {
            suggested = s;
            return chosen;
        });
        connect(&actions, &ui::AttachmentActions::saveRequested, sync.attachments(),
                &services::AttachmentSaver::save);
        QSignalSpy saved(sync.attachments(), &services::AttachmentSaver::saved);
        Message m;
        m.id = messageId;
        m.channel = QStringLiteral("email");
        m.meta = QJsonObject{{QStringLiteral("attachments"),
                              QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                     {QStringLiteral("name"), QStringLiteral("receipt.pdf")},
                                                     {QStringLiteral("type"), QStringLiteral("application/pdf")},
                                                     {QStringLiteral("size"), pdf.size()}}}}};
        actions.saveAttachment(m, 0);
        QVERIFY(suggested.endsWith(QStringLiteral("/receipt.pdf")));
        QVERIFY(saved.wait(kWaitMs));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);

        // The original formatting of a mail without HTML: a clear refusal, no window.
        QSignalSpy htmlFailed(sync.attachments(), &services::AttachmentSaver::htmlFailed);
        sync.attachments()->loadHtml(messageId);
        QVERIFY(htmlFailed.wait(kWaitMs));
        QCOMPARE(htmlFailed.first().at(1).toString(), QStringLiteral("not_found"));

        // Offline, what was saved once comes from the encrypted cache, byte for byte;
        // what never came from the hub leaves nothing under the chosen name.
        sync.stop();
        const QString again = m_dir.filePath(QStringLiteral("again.pdf"));
        sync.attachments()->save(messageId, 0, again);
        QCOMPARE(saved.size(), 2);
        QFile kept(again);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), pdf);
        QSignalSpy failed(sync.attachments(), &services::AttachmentSaver::saveFailed);
        const QString offline = m_dir.filePath(QStringLiteral("offline.pdf"));
        sync.attachments()->save(messageId, 1, offline);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.first().at(3).toString(), QStringLiteral("offline"));
        QVERIFY(!QFile::exists(offline));
    }
};

QTEST_MAIN(TestEmailCard)
#include "tst_email_card.moc"
