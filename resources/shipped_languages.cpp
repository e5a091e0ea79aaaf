// SPDX-License-Identifier: GPL-3.0-or-later
#include "resources/shipped_languages.h"

#include <QDir>

namespace threadline::resources {

QStringList shippedLanguages()
{
    QStringList codes;
    const QStringList files = QDir(QStringLiteral(":/i18n"))
                                  .entryList({QStringLiteral("threadline_*.qm")}, QDir::Files,
                                             QDir::Name);
    for (const QString &file : files)
        codes.append(file.mid(11, file.size() - 14)); // threadline_XX.qm
    return codes;
}

} // namespace threadline::resources
