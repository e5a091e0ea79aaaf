// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace threadline::cache {

/// The words of a UTF-8 text as the search index stores them: exactly the tokens
/// searchTokens() finds in QString::fromUtf8(text), folded and in UTF-8, with where each
/// stands in `text` in bytes. The index tokenizes every message written to the cache;
/// doing it on the UTF-8 that SQLite hands over, with Persian, Arabic and ASCII letters
/// folded from a table, saves converting each message to UTF-16 and every word back.
/// Words with other letters (Latin with accents, other scripts, ligatures) take
/// searchTokens()'s own path, and so does text that is not valid UTF-8.
class Utf8SearchTokens {
public:
    struct Token {
        int at = 0;    ///< offset of the folded word in folded()
        int size = 0;  ///< its length in bytes
        int start = 0; ///< where the word stands in the text, in bytes [start, end)
        int end = 0;
    };

    explicit Utf8SearchTokens(QByteArrayView text);

    const std::vector<Token> &tokens() const { return m_tokens; }
    /// The folded words, back to back.
    const QByteArray &folded() const { return m_folded; }
    QByteArrayView word(const Token &t) const
    {
        return QByteArrayView(m_folded).sliced(t.at, t.size);
    }

private:
    bool tokenizeFast(QByteArrayView text);
    void tokenizeSlow(QByteArrayView text);
    void addSlowWord(QByteArrayView word, int start, int end);

    QByteArray m_folded;
    std::vector<Token> m_tokens;
};

} // namespace threadline::cache
