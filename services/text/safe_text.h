// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::text {

// Customer names, subjects, identities and file names come from outside and are
// shown inside our own sentences. Bidi controls in them could reorder the words
// around them (Trojan Source, CVE-2021-42574) or turn "invoice<U+202E>fdp.exe"
// into what looks like "invoiceexe.pdf". These helpers make such text inert.

/// Drops the explicit bidi controls LRE RLE PDF LRO RLO (U+202A–U+202E) and
/// LRI RLI FSI PDI (U+2066–U+2069), and turns paragraph and line breaks into
/// spaces (a paragraph break ends every embedding and isolate). The implicit
/// marks LRM, RLM and ALM are kept: they only nudge neutrals inside the text and
/// Persian names legitimately carry them.
QString neutraliseBidi(QStringView untrusted);

/// Like neutraliseBidi, and also drops LRM, RLM and ALM: for text whose meaning
/// is in its character order — file names, phone numbers, addresses, order
/// numbers — where a mark can only disguise.
QString neutraliseBidiStrict(QStringView untrusted);

/// Untrusted text ready to sit inside UI text: neutralised, then wrapped in
/// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so it takes its own direction
/// and the words around it keep their order whatever it contains.
QString isolate(QStringView untrusted);

/// Untrusted text isolated in a direction chosen by the caller (LEFT-TO-RIGHT or
/// RIGHT-TO-LEFT ISOLATE), for when the first strong character misleads: the
/// subject "Re: سفارش ۱۲" is Persian although it starts with Latin letters.
QString isolate(QStringView untrusted, Qt::LayoutDirection direction);

/// isolate() for text whose order must not be disguised (neutraliseBidiStrict).
QString isolateStrict(QStringView untrusted);

/// A file name for display: strictly neutralised and isolated, so its real
/// extension is what the reader sees at its end.
QString displayFileName(QStringView untrusted);

/// True when @p text contains any character neutraliseBidiStrict removes.
bool hasBidiControls(QStringView text);

} // namespace threadline::text
