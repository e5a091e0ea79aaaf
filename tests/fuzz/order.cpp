// SPDX-License-Identifier: GPL-3.0-or-later
// A shop's order webhook body through the hub's whole order ingress (server/order_ingress):
// the WooCommerce or Shopify JSON parser, identity resolution (email, and the phone read in
// the order's own country with libphonenumber) and storage, on a real hub database in a
// temporary folder. FUZZ_ORDER_SOURCE picks the shop. Invariant: a body is answered 200,
// 201 (stored) or 400 (refused), never 500 and never a crash.
#include "server/hub_store.h"
#include "server/identity_resolver.h"
#include "server/order_ingress.h"
#include "services/logging/log.h"
#include "tests/fuzz/fuzz_support.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace threadline;
using namespace threadline::server;

namespace {
struct Hub {
    QTemporaryDir dir;
    HubStore store;
    std::unique_ptr<IdentityResolver> resolver;
    std::unique_ptr<OrderIngress> ingress;
    Hub()
    {
        const QString error =
            store.open(dir.filePath(QStringLiteral("hub.db")), HubStore::OpenMode::CreateIfMissing);
        if (!error.isEmpty())
            fuzz::fail("the hub database opens", __FILE__, __LINE__, error);
        resolver = std::make_unique<IdentityResolver>(store, PhoneNormaliser(QStringLiteral("IR")));
        ingress = std::make_unique<OrderIngress>(store, *resolver);
    }
};
Hub *hub = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    logging::initConsole(logging::Severity::fatal);
    // A database on tmpfs: commits cost no disk flush, so the fuzzer stays fast.
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        qputenv("TMPDIR", "/dev/shm");
    hub = new Hub; // kept for the whole run: orders accumulate like on a real hub
    std::atexit([] { delete hub; }); // removes the temporary database (libFuzzer exits)
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const IngressAnswer answer = hub->ingress->receive(QStringLiteral(FUZZ_ORDER_SOURCE), body);
    FUZZ_CHECK(answer.status == 200 || answer.status == 201 || answer.status == 400,
               QString::number(answer.status) + QLatin1Char(' ') + QString::fromUtf8(answer.body));
    return 0;
}
