// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper, not a test: writes outbox items to a cache as fast as it can and
// prints each client id once its transaction has committed. tst_crash_safety
// kills it with SIGKILL at a random moment.
#include "models/message.h"
#include "services/cache/cache_store.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <cstdio>

using namespace threadline;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: outbox_writer_child CACHE HEXKEY FIRST COUNT\n");
        return 2;
    }
    auto opened = cache::CacheStore::open(QString::fromLocal8Bit(argv[1]),
                                          QByteArray::fromHex(QByteArray(argv[2])));
    if (auto *error = std::get_if<cache::CacheError>(&opened)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error->message));
        return 1;
    }
    auto &store = std::get<std::unique_ptr<cache::CacheStore>>(opened);
    const int first = QByteArray(argv[3]).toInt();
    const int count = QByteArray(argv[4]).toInt();
    for (int i = first; i < first + count; ++i) {
        models::Message echo;
        echo.clientId = QStringLiteral("crash-%1").arg(i);
        echo.customerId = 1;
        echo.channel = QStringLiteral("note");
        echo.direction = QStringLiteral("internal");
        echo.body = QStringLiteral("note %1 written before a crash").arg(i);
        echo.delivery = models::Delivery::Pending;
        const QJsonObject data{{QStringLiteral("customer_id"), 1}, {QStringLiteral("body"), echo.body}};
        if (auto error = store->addToOutbox(echo, QStringLiteral("add_note"), data)) {
            std::fprintf(stderr, "write: %s\n", qPrintable(error->message));
            return 1;
        }
        std::printf("%s\n", qPrintable(echo.clientId));
        std::fflush(stdout);
    }
    return 0;
}
