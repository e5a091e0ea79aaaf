// SPDX-License-Identifier: GPL-3.0-or-later
// What the desktop leaves on disk: nothing a thief could read, and nothing lost
// when the cache is damaged. Real hub on loopback, real desktop, real SQLCipher.
#include "app/desktop.h"
#include "services/protocol/frame_types.h"
#include "ui/main_window.h"
#include "ui/timeline_view.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;
const QString kCanary = QStringLiteral("CANARY-7f3a9c-کاناری-٣٤٥");

using testing::writeFile;

/// Every file under `dir` that holds `needle` as UTF-8 or UTF-16.
QStringList filesContaining(const QString &dir, const QString &needle)
{
    const QByteArray utf8 = needle.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2);
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            hits.append(f.fileName());
    }
    return hits;
}
} // namespace

class TestDesktopProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"),
                              QStringLiteral("pw")));
        QVERIFY(m_hub.addUser(QStringLiteral("nadia"), QStringLiteral("agent"),
                              QStringLiteral("Pa55-canary-word")));
        writeFile(m_dir.filePath(QStringLiteral("password")), "Pa55-canary-word\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
    }

    void noCustomerTextIsLeftInPlainTextInTheProfileFolder()
    {
        // The canary goes through the hub into the first customer's thread.
        testing::TestClient colleague;
        QVERIFY(colleague.connectTo(m_hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const auto page = colleague.command(protocol::type::customersPage, {});
        qint64 newest = 0, newestAt = -1;
        for (const auto &v : page.data.value(QStringLiteral("customers")).toArray()) {
            const auto c = v.toObject();
            if (c.value(QStringLiteral("last_at")).toInteger() > newestAt) {
                newestAt = c.value(QStringLiteral("last_at")).toInteger();
                newest = c.value(QStringLiteral("id")).toInteger();
            }
        }
        QCOMPARE(colleague
                     .command(protocol::type::addNote,
                              {{QStringLiteral("customer_id"), newest},
                               {QStringLiteral("body"), QString(QStringLiteral("Card ends ") + kCanary)}})
                     .type,
                 protocol::type::ack);

        const QString profile = m_dir.filePath(QStringLiteral("canary-profile"));
        {
            auto desktop = makeDesktop(profile);
            QVERIFY(desktop->start());
            auto *timeline = desktop->window()->timelineView()->model();
            QTRY_VERIFY_WITH_TIMEOUT(desktop->window()->currentCustomer() == newest, kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(hasBodyContaining(timeline, kCanary), kWaitMs);
            // The agent answers, quoting it back: outbox and echo go through the cache too.
            Q_EMIT desktop->window()->sendRequested(newest, QStringLiteral("note"), QString(),
                                                    QString(), QStringLiteral("Re ") + kCanary);
            QTRY_VERIFY_WITH_TIMEOUT(countBodies(timeline, QStringLiteral("Re ") + kCanary) == 1,
                                     kWaitMs);
        }
        QVERIFY(QFileInfo::exists(profile + QStringLiteral("/cache.db")));
        const QStringList leaks = filesContaining(profile, kCanary);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
        QVERIFY2(filesContaining(profile, QStringLiteral("correct horse")).isEmpty(),
                 "the passphrase is never written");
        QVERIFY2(filesContaining(profile, QStringLiteral("Pa55-canary-word")).isEmpty(),
                 "the password is never written");
    }

    void aCorruptCacheIsMovedAsideAndRebuiltFromTheHub()
    {
        const QString profile = m_dir.filePath(QStringLiteral("corrupt-profile"));
        QDir().mkpath(profile);
        {
            auto desktop = makeDesktop(profile);
            QVERIFY(desktop->start());
            QTRY_VERIFY_WITH_TIMEOUT(desktop->window()->timelineView()->model()->rowCount() > 0,
                                     kWaitMs);
        }
        // Damage it as a full disk or a crash during a copy would: cut it short.
        QFile cache(profile + QStringLiteral("/cache.db"));
        QVERIFY(cache.size() > 8192);
        QVERIFY(cache.resize(4096 + 1234));
        const QByteArray damaged = readAll(profile + QStringLiteral("/cache.db"));

        auto desktop = makeDesktop(profile);
        QVERIFY(desktop->start());
        QTRY_VERIFY_WITH_TIMEOUT(desktop->window()->timelineView()->model()->rowCount() > 0,
                                 kWaitMs);
        const QStringList aside =
            QDir(profile).entryList({QStringLiteral("cache.db.damaged-*")}, QDir::Files);
        QVERIFY2(aside.size() >= 1, "the damaged file is kept, never deleted");
        QCOMPARE(readAll(profile + QLatin1Char('/') + aside.first()), damaged);
    }

    void signingOutWithRemoveLocalDataLeavesNothingToDecrypt()
    {
        const QString profile = m_dir.filePath(QStringLiteral("wipe-profile"));
        auto desktop = makeDesktop(profile);
        QVERIFY(desktop->start());
        QTRY_VERIFY_WITH_TIMEOUT(desktop->window()->timelineView()->model()->rowCount() > 0,
                                 kWaitMs);
        QVERIFY(QFileInfo::exists(profile + QStringLiteral("/cache.db")));
        QVERIFY(QFileInfo::exists(profile + QStringLiteral("/cache.salt")));
        QSignalSpy removed(desktop.get(), &app::Desktop::localDataRemoved);
        QSignalSpy finished(desktop.get(), &app::Desktop::finished);
        desktop->signOut(true);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kWaitMs);
        QCOMPARE(finished.count(), 1);
        for (const char *name : {"cache.db", "cache.db-wal", "cache.db-shm", "cache.salt"})
            QVERIFY2(!QFileInfo::exists(profile + QLatin1Char('/') + QLatin1String(name)), name);
        QCOMPARE(desktop->window()->timelineView()->model()->rowCount(), 0);
    }

    void aSecondDesktopOnTheSameProfileIsRefusedAndTheFirstCarriesOn()
    {
        const QString profile = m_dir.filePath(QStringLiteral("shared-profile"));
        auto first = makeDesktop(profile);
        QVERIFY(first->start());
        auto *timeline = first->window()->timelineView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->rowCount() > 0, kWaitMs);

        {
            auto second = makeDesktop(profile);
            QSignalSpy finished(second.get(), &app::Desktop::finished);
            QVERIFY(!second->start());
            QCOMPARE(finished.count(), 1);
            QCOMPARE(finished.first().first().toInt(), 1);
            QVERIFY(!second->window()->isVisible());
        }
        // The first one still works its cache: a colleague's note reaches it.
        testing::TestClient colleague;
        QVERIFY(colleague.connectTo(m_hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const qint64 open = first->window()->currentCustomer();
        QVERIFY(open > 0);
        QCOMPARE(colleague
                     .command(protocol::type::addNote,
                              {{QStringLiteral("customer_id"), open},
                               {QStringLiteral("body"), QStringLiteral("بعد از دومی")}})
                     .type,
                 protocol::type::ack);
        QTRY_VERIFY_WITH_TIMEOUT(hasBodyContaining(timeline, QStringLiteral("بعد از دومی")), kWaitMs);

        // Once the first has quit, the profile opens again.
        first.reset();
        auto again = makeDesktop(profile);
        QVERIFY(again->start());
        QTRY_VERIFY_WITH_TIMEOUT(again->window()->timelineView()->model()->rowCount() > 0, kWaitMs);
    }

private:
    std::unique_ptr<app::Desktop> makeDesktop(const QString &profile)
    {
        return std::make_unique<app::Desktop>(
            testing::desktopOptions(m_hub.url(), m_dir, profile, QStringLiteral("nadia")));
    }

    static bool hasBodyContaining(QAbstractItemModel *m, const QString &text)
    {
        for (int row = 0; row < m->rowCount(); ++row)
            if (m->index(row, 0).data(Qt::DisplayRole).toString().contains(text))
                return true;
        return false;
    }

    static int countBodies(QAbstractItemModel *m, const QString &text)
    {
        int n = 0;
        for (int row = 0; row < m->rowCount(); ++row)
            n += m->index(row, 0).data(Qt::DisplayRole).toString() == text;
        return n;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDesktopProfile)
#include "tst_desktop_profile.moc"
