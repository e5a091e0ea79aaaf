// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the libFuzzer targets.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace threadline::fuzz {

/// The fuzzer's bytes, without copying.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Text from the bytes in two ways, chosen by the first byte: as UTF-8 (what arrives on
/// the wire), or as raw UTF-16 (reaches lone surrogates and every code unit cheaply).
inline QString text(const uint8_t *data, size_t size)
{
    if (size == 0)
        return {};
    if (data[0] & 1) {
        QString s(qsizetype((size - 1) / 2), Qt::Uninitialized); // copied: data+1 is unaligned
        std::memcpy(s.data(), data + 1, size_t(s.size()) * sizeof(QChar));
        return s;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
}

/// Some code (QSqlDatabase plugins, QTimer users) wants an application object.
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "threadline-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

[[noreturn]] inline void fail(const char *what, const char *file, int line,
                              const QString &detail = {})
{
    std::fprintf(stderr, "\nINVARIANT BROKEN at %s:%d: %s\n%s\n", file, line, what,
                 detail.toUtf8().constData());
    std::abort();
}

} // namespace threadline::fuzz

/// An invariant of the code under test: when it does not hold the input is a finding.
#define FUZZ_CHECK(cond, ...)                                                                  \
    do {                                                                                       \
        if (!(cond))                                                                           \
            ::threadline::fuzz::fail(#cond, __FILE__, __LINE__ __VA_OPT__(, ) __VA_ARGS__);    \
    } while (0)
