// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace threadline::cache {

/// Makes SQLCipher 3.4's page encryption use OpenSSL 3 the way OpenSSL 3 is meant to be
/// used: the cipher and HMAC fetched once, their contexts kept per connection, and IVs
/// drawn from OpenSSL's generator a kilobyte at a time. SQLCipher 3.4.1's own provider
/// (crypto_openssl.c, written for OpenSSL 1.x) creates, initialises and frees a cipher and
/// an HMAC context for every page, which under OpenSSL 3 looks the algorithms up again each
/// time. The algorithms are the same (AES-256-CBC, HMAC-SHA1, PBKDF2-HMAC-SHA1), and so is
/// every byte of the file: SQLCipher lays out the page, the provider only runs primitives
/// (tst_cipher_provider checks files both ways against Debian's sqlcipher shell).
///
/// Installed before each open, since SQLCipher drops a provider when its last connection
/// closes. Does nothing on SQLCipher 4 (its provider interface differs, and its OpenSSL
/// provider already keeps its contexts). Returns whether ours is the one in use.
bool installCipherProvider();

/// The name SQLCipher reports for the provider in use ("openssl" for both), and whether it
/// is ours, for `threadline cache stats`.
bool cipherProviderIsOurs();

} // namespace threadline::cache
