// SPDX-License-Identifier: GPL-3.0-or-later
// Identity resolution on a real hub database: one customer per person, however they write
// their number or address, and nothing merged behind an agent's back.
#include "server/hub_store.h"
#include "server/identity_resolver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::server;
using protocol::IdentityPayload;

class TestIdentityResolver : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<HubStore> m_store;
    std::unique_ptr<IdentityResolver> m_resolver;

    IdentityPayload phone(const QString &written)
    {
        return m_resolver->normalise(QStringLiteral("phone"), written).value_or(IdentityPayload{});
    }
    IdentityPayload email(const QString &written)
    {
        return m_resolver->normalise(QStringLiteral("email"), written).value_or(IdentityPayload{});
    }
    std::optional<IdentityResolver::Resolution> resolve(const QList<IdentityPayload> &ids,
                                                        const QString &name = {})
    {
        if (!m_store->beginWork())
            return std::nullopt;
        auto r = m_resolver->resolve(ids, name);
        if (!r || !m_store->commitWork()) {
            m_store->rollbackWork();
            return std::nullopt;
        }
        return r;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QList<StoredEvent>>(); }
    void init()
    {
        m_store = std::make_unique<HubStore>();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("hub.db")));
        QCOMPARE(m_store->open(m_dir.filePath(QStringLiteral("hub.db")),
                               HubStore::OpenMode::CreateIfMissing),
                 QString());
        m_resolver =
            std::make_unique<IdentityResolver>(*m_store, PhoneNormaliser(QStringLiteral("IR")));
    }
    void cleanup()
    {
        m_resolver.reset();
        m_store.reset();
    }

    void everyWayOfWritingAnIranianNumberIsOneCustomer()
    {
        const QStringList ways{QStringLiteral("0912 345 6789"), QStringLiteral("+98 912 345 6789"),
                               QStringLiteral("00989123456789"), QStringLiteral(u"۰۹۱۲۳۴۵۶۷۸۹"),
                               QStringLiteral(u"٠٩١٢٣٤٥٦٧٨٩")};
        for (const QString &w : ways)
            QCOMPARE(phone(w).value, QStringLiteral("+989123456789"));
        const auto first = resolve({phone(ways.at(0))});
        QVERIFY(first && first->created);
        for (const QString &w : ways) {
            const auto again = resolve({phone(w)});
            QVERIFY(again);
            QVERIFY(!again->created);
            QCOMPARE(again->customerId, first->customerId);
        }
        QCOMPARE(m_store->customerCount(), 1);
    }

    void emailsAreComparedWithoutCaseOrSurroundingSpace()
    {
        QCOMPARE(email(QStringLiteral("  Zahra.Ahmadi@Example.IR ")).value,
                 QStringLiteral("zahra.ahmadi@example.ir"));
        QVERIFY(!m_resolver->normalise(QStringLiteral("email"), QStringLiteral("not an address")));
        QVERIFY(!m_resolver->normalise(QStringLiteral("phone"), QStringLiteral("12")));
        const auto a =
            resolve({email(QStringLiteral("Zahra@Example.ir"))}, QStringLiteral("Zahra"));
        const auto b = resolve({email(QStringLiteral("zahra@example.IR"))});
        QVERIFY(a && b);
        QCOMPARE(b->customerId, a->customerId);
        QCOMPARE(m_store->customer(a->customerId)->name, QStringLiteral("Zahra"));
    }

    void aNewCustomerIsNamedByThePayloadOrElseByTheIdentity()
    {
        const auto named =
            resolve({phone(QStringLiteral("09121111111"))}, QStringLiteral(" Reza "));
        const auto unnamed = resolve({phone(QStringLiteral("09122222222"))});
        QVERIFY(named && unnamed);
        QCOMPARE(m_store->customer(named->customerId)->name, QStringLiteral("Reza"));
        QCOMPARE(m_store->customer(unnamed->customerId)->name, QStringLiteral("+989122222222"));
    }

    void anEventCarryingTwoIdentitiesLinksTheNewOneToTheKnownCustomer()
    {
        const auto known = resolve({phone(QStringLiteral("09123333333"))});
        QVERIFY(known);
        const auto both = resolve(
            {email(QStringLiteral("maryam@example.ir")), phone(QStringLiteral("+989123333333"))},
            QStringLiteral("Maryam"));
        QVERIFY(both);
        QVERIFY(!both->created);
        QCOMPARE(both->customerId, known->customerId);
        QCOMPARE(both->linked.size(), 1);
        QCOMPARE(m_store->customerIdByIdentity(QStringLiteral("email"),
                                               QStringLiteral("maryam@example.ir")),
                 known->customerId);
        QCOMPARE(m_store->customer(known->customerId)->identities.size(), 2);
    }

    void twoKnownCustomersAreNeverMergedAutomatically()
    {
        // A family phone (Ali) and his sister's email (Sara): an order carries both.
        const auto ali = resolve({phone(QStringLiteral("09124444444"))}, QStringLiteral("Ali"));
        const auto sara =
            resolve({email(QStringLiteral("sara@example.ir"))}, QStringLiteral("Sara"));
        QVERIFY(ali && sara);
        const auto order = resolve(
            {email(QStringLiteral("sara@example.ir")), phone(QStringLiteral("09124444444"))});
        QVERIFY(order);
        QCOMPARE(order->customerId, sara->customerId); // the first identity decides
        QCOMPARE(order->conflicting.size(), 1);
        QCOMPARE(
            m_store->customerIdByIdentity(QStringLiteral("phone"), QStringLiteral("+989124444444")),
            ali->customerId); // not moved
        QCOMPARE(m_store->customerCount(), 2);
    }

    void aNameNeverLinksCustomersNorRenamesThem()
    {
        // Two people called Reza on two phones stay two customers; the family phone
        // texting as "Maryam" stays with Reza, under Reza's name, until an agent merges.
        const auto reza = resolve({phone(QStringLiteral("09125550001"))}, QStringLiteral("Reza"));
        const auto otherReza =
            resolve({phone(QStringLiteral("09125550002"))}, QStringLiteral("Reza"));
        QVERIFY(reza && otherReza);
        QVERIFY(reza->customerId != otherReza->customerId);
        const auto sister =
            resolve({phone(QStringLiteral("09125550001"))}, QStringLiteral("Maryam"));
        QVERIFY(sister);
        QCOMPARE(sister->customerId, reza->customerId);
        QVERIFY(!sister->created);
        QCOMPARE(m_store->customer(reza->customerId)->name, QStringLiteral("Reza"));
        QCOMPARE(m_store->customerCount(), 2);
    }

    void aRolledBackResolutionLeavesNothingAndAnnouncesNothing()
    {
        QSignalSpy announced(m_store.get(), &HubStore::eventsAppended);
        QVERIFY(m_store->beginWork());
        const auto r = m_resolver->resolve({phone(QStringLiteral("09125555555"))}, QString());
        QVERIFY(r && r->created);
        m_store->rollbackWork();
        QCOMPARE(m_store->customerCount(), 0);
        QCOMPARE(announced.size(), 0);
        QCOMPARE(m_store->currentSeq(), 0);
    }

    void aNewCustomerIsAnnouncedWithItsIdentitiesAfterTheCommit()
    {
        QSignalSpy announced(m_store.get(), &HubStore::eventsAppended);
        const auto r = resolve({phone(QStringLiteral("09126666666"))});
        QVERIFY(r);
        QCOMPARE(announced.size(), 1);
        const auto events = announced.at(0).at(0).value<QList<StoredEvent>>();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).type, QStringLiteral("customer.upserted"));
        const auto identities = events.at(0)
                                    .payload.value(QStringLiteral("customer"))
                                    .toObject()
                                    .value(QStringLiteral("identities"))
                                    .toArray();
        QCOMPARE(identities.size(), 1);
    }

    void resolvingOutsideAUnitOfWorkIsRefused()
    {
        QVERIFY(!m_resolver->resolve({phone(QStringLiteral("09127777777"))}, QString()));
        QCOMPARE(m_store->customerCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIdentityResolver)
#include "tst_identity_resolver.moc"
