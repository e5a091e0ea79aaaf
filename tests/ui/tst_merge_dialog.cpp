// SPDX-License-Identifier: GPL-3.0-or-later
// "Merge with…" as an agent uses it (offscreen): find the other record of the same person,
// compare the two, confirm; offline it cannot be confirmed and says it searched only this
// computer; online it also lists what the hub finds (a real hub on loopback); the side
// panel offers "Undo".
// With THREADLINE_SCREENSHOT_DIR set it also saves merge-dialog-en.png and -fa.png.
#include "models/customer_merges.h"
#include "models/inbox_model.h"
#include "services/cache/cache_store.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/hub_process.h"
#include "ui/conversation_bar.h"
#include "ui/customer_panel.h"
#include "ui/interface_language.h"
#include "ui/merge_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace threadline;

namespace {

models::Customer customer(qint64 id, const QString &name, const QString &phone, qint64 items)
{
    models::Customer c;
    c.id = id;
    c.name = name;
    c.identities = {{QStringLiteral("phone"), phone}};
    c.itemCount = items;
    c.lastAt = QDateTime::currentMSecsSinceEpoch() - 3 * 60 * 60 * 1000;
    c.lastChannel = QStringLiteral("sms");
    c.status = QStringLiteral("open");
    return c;
}

const models::Customer kZahra = customer(42, QStringLiteral("زهرا احمدی"), QStringLiteral("+989121234567"), 17);
const models::Customer kZahraNewPhone =
    customer(57, QStringLiteral("Zahra A."), QStringLiteral("+989351112233"), 4);
const models::Customer kReza = customer(60, QStringLiteral("رضا کریمی"), QStringLiteral("+989127654321"), 9);

QList<models::Customer> known()
{
    return {kZahra, kZahraNewPhone, kReza};
}

QListWidget *results(ui::MergeDialog &d)
{
    return d.findChild<QListWidget *>(QStringLiteral("mergeResults"));
}

QPushButton *confirm(ui::MergeDialog &d)
{
    return d.findChild<QPushButton *>(QStringLiteral("mergeConfirm"));
}

/// What the list says besides customers (notes the agent cannot choose), joined.
QString notes(ui::MergeDialog &d)
{
    QStringList out;
    for (int row = 0; row < results(d)->count(); ++row)
        if (!results(d)->item(row)->data(Qt::UserRole + 1).isValid())
            out << results(d)->item(row)->text();
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestMergeDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { ui::useInterfaceLanguage(QStringLiteral("en")); }

    void theOpenCustomerIsNotOfferedAndTheOthersAreFoundByNameOrNumber()
    {
        ui::MergeDialog dialog(kZahra, known(), true);
        QCOMPARE(results(dialog)->count(), 2); // everyone else
        dialog.setQuery(QStringLiteral("zahra"));
        QCOMPARE(results(dialog)->count(), 1);
        QVERIFY(dialog.choose(kZahraNewPhone.id));
        // Persian digits find the number, as search does.
        dialog.setQuery(QStringLiteral("۹۱۲۷۶۵"));
        QCOMPARE(results(dialog)->count(), 1);
        QVERIFY(dialog.choose(kReza.id));
        QVERIFY(!dialog.choose(kZahraNewPhone.id)); // not listed for this query
        dialog.setQuery(QStringLiteral("nobody at all"));
        QVERIFY(!dialog.choose(kReza.id));
        QVERIFY(!confirm(dialog)->isEnabled());
    }

    void thePreviewComparesBothAndTheOpenCustomerStaysUnlessTheAgentSaysOtherwise()
    {
        ui::MergeDialog dialog(kZahra, known(), true);
        QVERIFY(dialog.command().isEmpty());
        QVERIFY(!confirm(dialog)->isEnabled());
        QVERIFY(dialog.choose(kZahraNewPhone.id));
        QVERIFY(confirm(dialog)->isEnabled());
        const QString preview = dialog.preview();
        for (const QString &expected :
             {QStringLiteral("Zahra A."), QStringLiteral("+989351112233"), QStringLiteral("+989121234567"),
              QStringLiteral("17 item"), QStringLiteral("4 item"), QStringLiteral("Last contact")})
            QVERIFY2(preview.contains(expected), qPrintable(expected + QStringLiteral(" in ") + preview));
        QCOMPARE(dialog.command().value(QStringLiteral("into")).toInteger(), kZahra.id);
        QCOMPARE(dialog.command().value(QStringLiteral("from")).toInteger(), kZahraNewPhone.id);
        QVERIFY(!dialog.command().contains(QStringLiteral("note")));

        dialog.setKeepChosen(true);
        QCOMPARE(dialog.command().value(QStringLiteral("into")).toInteger(), kZahraNewPhone.id);
        QCOMPARE(dialog.command().value(QStringLiteral("from")).toInteger(), kZahra.id);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("mergeSurvivor"))->text().section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("Zahra A.")));
        dialog.findChild<QLineEdit *>(QStringLiteral("mergeNote"))->setText(QStringLiteral("  her new phone "));
        QCOMPARE(dialog.command().value(QStringLiteral("note")).toString(), QStringLiteral("her new phone"));
    }

    void offlineTheDialogSaysMergingNeedsAConnectionAndCannotBeConfirmed()
    {
        ui::MergeDialog dialog(kZahra, known(), false);
        QVERIFY(dialog.choose(kZahraNewPhone.id));
        QVERIFY(!confirm(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("mergeProblem"))->text().contains(QStringLiteral("connection")));
    }

    void offlineTheListSaysOnlyThisComputerWasSearched()
    {
        ui::MergeDialog dialog(kZahra, known(), false);
        dialog.setQuery(QStringLiteral("zahra"));
        QVERIFY(dialog.choose(kZahraNewPhone.id));
        QVERIFY2(notes(dialog).contains(QStringLiteral("this computer holds")), qPrintable(notes(dialog)));
        dialog.setQuery(QStringLiteral("nobody at all"));
        QVERIFY2(notes(dialog).contains(QStringLiteral("this computer holds")), qPrintable(notes(dialog)));
    }

    void onlineWhatTheHubFindsJoinsTheListOnce()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<QList<models::SearchHit>>();
        testing::HubProcess hub{QStringLiteral(THREADLINE_HUB_BINARY)};
        QVERIFY2(hub.start(true), hub.stderrText().constData());
        QTemporaryDir profile;
        auto opened = cache::CacheStore::open(profile.filePath(QStringLiteral("cache.db")),
                                              cache::testing::randomKey());
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        services::SyncService sync(std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened)),
                                   hub.url());
        models::InboxModel inbox;
        connect(&sync, &services::SyncService::customersChanged, &inbox,
                &models::InboxModel::applyCustomers);
        QSignalSpy resynced(&sync, &services::SyncService::resynced);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(resynced.wait(20000));

        // Two customers with Iranian mobiles; the agent types the other's number the way
        // people say it ("0912 …"), which only the hub's phone matching understands.
        QList<models::Customer> withPhone;
        for (const auto &c : inbox.customers())
            for (const auto &identity : c.identities)
                if (identity.kind == QLatin1String("phone")
                    && identity.value.startsWith(QLatin1String("+989")) && withPhone.size() < 2
                    && (withPhone.isEmpty() || withPhone.first().id != c.id))
                    withPhone.append(c);
        QCOMPARE(withPhone.size(), 2);
        const models::Customer other = withPhone.at(1);
        QString phone;
        for (const auto &identity : other.identities)
            if (identity.kind == QLatin1String("phone") && phone.isEmpty())
                phone = identity.value;
        const QString spoken = QStringLiteral("0") + phone.mid(3, 3) + QLatin1Char(' ')
                               + phone.mid(6, 3) + QLatin1Char(' ') + phone.mid(9);

        ui::MergeDialog dialog(withPhone.at(0), inbox.customers(), true);
        dialog.setCustomerLookup([&inbox](qint64 id) { return inbox.customer(id); });
        QSignalSpy asked(&dialog, &ui::MergeDialog::searchRequested);
        connect(&dialog, &ui::MergeDialog::searchRequested, &sync,
                [&sync](const QString &tag, const QString &query) { sync.search(tag, query); });
        connect(&sync, &services::SyncService::searchResults, &dialog,
                &ui::MergeDialog::applySearchResults);
        dialog.setQuery(spoken);
        QVERIFY(!dialog.choose(other.id)); // the dialog's own list does not match it
        QVERIFY(asked.wait(5000));
        // The search answers twice: the encrypted cache (which also reads local-form
        // phones since cache schema 8) and then the hub. Wait for the hub's answer, then
        // the customer both found must be listed once.
        QTRY_VERIFY_WITH_TIMEOUT(!notes(dialog).contains(QStringLiteral("Searching")), 20000);
        QVERIFY(dialog.choose(other.id));
        int listed = 0;
        for (int row = 0; row < results(dialog)->count(); ++row)
            listed += results(dialog)->item(row)->data(Qt::UserRole + 1).toLongLong() == other.id;
        QCOMPARE(listed, 1);
        QVERIFY(confirm(dialog)->isEnabled());
        QCOMPARE(dialog.command().value(QStringLiteral("from")).toInteger(), other.id);
        QVERIFY(dialog.preview().contains(phone)); // described as a whole record
    }

    void theConversationBarAsksForTheMergeThroughOneCommand()
    {
        models::InboxModel inbox;
        inbox.applyCustomers(known());
        ui::ConversationBar bar;
        bar.setCustomer(kZahra);
        bar.setMergeCandidates(&inbox);
        bar.setOnline(true);
        QSignalSpy commands(&bar, &ui::ConversationBar::commandRequested);
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ui::MergeDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setQuery(QStringLiteral("+98935"));
            QVERIFY(dialog->choose(kZahraNewPhone.id));
            QTest::mouseClick(confirm(*dialog), Qt::LeftButton);
            answered = true;
        });
        bar.findChild<QToolButton *>(QStringLiteral("mergeWith"))->click();
        QVERIFY(answered);
        QCOMPARE(commands.size(), 1);
        QCOMPARE(commands.first().at(0).toString(), QStringLiteral("customer.merge"));
        const QJsonObject data = commands.first().at(1).toJsonObject();
        QCOMPARE(data.value(QStringLiteral("into")).toInteger(), kZahra.id);
        QCOMPARE(data.value(QStringLiteral("from")).toInteger(), kZahraNewPhone.id);
    }

    void theSidePanelOffersUndoForEachMergeThatStillStands()
    {
        auto item = [](qint64 id, const QString &event, qint64 mergeId, const QString &name) {
            models::Message m;
            m.id = id;
            m.channel = QStringLiteral("system");
            m.meta = {{QStringLiteral("event"), event},
                      {QStringLiteral("merge_id"), mergeId},
                      {QStringLiteral("customer_id"), 100 + mergeId},
                      {QStringLiteral("name"), name}};
            return m;
        };
        const auto standing = models::standingMerges(
            {item(1, QStringLiteral("merged"), 3, QStringLiteral("Zahra A.")),
             item(2, QStringLiteral("merged"), 4, QStringLiteral("Old account")),
             item(3, QStringLiteral("unmerged"), 4, QStringLiteral("Old account")),
             item(4, QStringLiteral("assigned"), 0, QString())});
        QCOMPARE(standing.size(), 1);
        QCOMPARE(standing.first().mergeId, 3);
        QCOMPARE(standing.first().customerId, 103);

        ui::CustomerPanel panel;
        panel.setCustomer(kZahra);
        panel.setMerges(standing);
        QSignalSpy undo(&panel, &ui::CustomerPanel::unmergeRequested);
        const auto buttons = panel.findChildren<QPushButton *>(QStringLiteral("undoMerge"));
        QCOMPARE(buttons.size(), 1);
        buttons.first()->click();
        QCOMPARE(undo.size(), 1);
        QCOMPARE(undo.first().at(0).toLongLong(), 3);
        panel.setMerges({});
        QTRY_COMPARE(panel.findChildren<QPushButton *>(QStringLiteral("undoMerge")).size(), 0);
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Persian") << QStringLiteral("fa");
    }

    void screenshots()
    {
        QFETCH(QString, language);
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THREADLINE_SCREENSHOT_DIR to save screenshots");
        ui::useInterfaceLanguage(language);
        ui::MergeDialog dialog(kZahra, known(), true);
        dialog.setQuery(language == QLatin1String("fa") ? QStringLiteral("zahra") : QStringLiteral("zah"));
        QVERIFY(dialog.choose(kZahraNewPhone.id));
        dialog.findChild<QLineEdit *>(QStringLiteral("mergeNote"))
            ->setText(language == QLatin1String("fa") ? QStringLiteral("شماره جدید خودش است")
                                                      : QStringLiteral("Same person: her new phone"));
        dialog.resize(720, 560);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/merge-dialog-") + language + QStringLiteral(".png");
        QVERIFY(dialog.grab().save(path));
        // Offline: the list says it searched only this computer.
        ui::MergeDialog offline(kZahra, known(), false);
        offline.setQuery(QStringLiteral("zah"));
        offline.resize(720, 560);
        offline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&offline));
        QVERIFY(offline.grab().save(dir + QStringLiteral("/merge-dialog-offline-") + language
                                    + QStringLiteral(".png")));
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestMergeDialog)
#include "tst_merge_dialog.moc"
