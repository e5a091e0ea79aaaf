// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/cipher_provider.h"

#include <sqlcipher/sqlite3.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <cstring>
#include <new>

// SQLCipher 3.4's provider interface (its sqlcipher.h, which Debian does not install).
// The layout is 3.4's; installCipherProvider() only registers it with a 3.x library.
extern "C" {
struct sqlcipher_provider {
    int (*activate)(void *ctx);
    int (*deactivate)(void *ctx);
    const char *(*get_provider_name)(void *ctx);
    int (*add_random)(void *ctx, void *buffer, int length);
    int (*random)(void *ctx, void *buffer, int length);
    int (*hmac)(void *ctx, unsigned char *hmac_key, int key_sz, unsigned char *in, int in_sz,
                unsigned char *in2, int in2_sz, unsigned char *out);
    int (*kdf)(void *ctx, const unsigned char *pass, int pass_sz, unsigned char *salt, int salt_sz,
               int workfactor, int key_sz, unsigned char *key);
    int (*cipher)(void *ctx, int mode, unsigned char *key, int key_sz, unsigned char *iv,
                  unsigned char *in, int in_sz, unsigned char *out);
    int (*set_cipher)(void *ctx, const char *cipher_name);
    const char *(*get_cipher)(void *ctx);
    int (*get_key_sz)(void *ctx);
    int (*get_iv_sz)(void *ctx);
    int (*get_block_sz)(void *ctx);
    int (*get_hmac_sz)(void *ctx);
    int (*ctx_copy)(void *target_ctx, void *source_ctx);
    int (*ctx_cmp)(void *c1, void *c2);
    int (*ctx_init)(void **ctx);
    int (*ctx_free)(void **ctx);
    int (*fips_status)(void *ctx);
    const char *(*get_provider_version)(void *ctx);
};
int sqlcipher_register_provider(sqlcipher_provider *p);
sqlcipher_provider *sqlcipher_get_provider();
}

namespace threadline::cache {

namespace {

constexpr int kEncrypt = 1; // SQLCipher's CIPHER_ENCRYPT; CIPHER_DECRYPT is 0
constexpr int kMaxKey = 64; // CIPHER_MAX_KEY_SZ
constexpr char kDefaultCipher[] = "AES-256-CBC";
constexpr int kHmacSha1Bytes = 20;

/// A cipher context keyed once and given only a new IV per page.
struct KeyedCipher {
    EVP_CIPHER_CTX *ctx = nullptr;
    unsigned char key[kMaxKey] = {};
    int keySize = 0;
};

/// The state of one of a connection's two cipher contexts (read and write).
struct Context {
    EVP_CIPHER *cipher = nullptr;
    KeyedCipher encrypt, decrypt;
    EVP_MAC_CTX *hmac = nullptr;
    unsigned char hmacKey[kMaxKey] = {};
    int hmacKeySize = 0;
    // IVs: RAND_bytes costs about as much as HMAC-ing a page when asked for 16 bytes at a
    // time; these are the same generator's bytes, fetched in bulk.
    unsigned char pool[1024] = {};
    int poolLeft = 0;
};

Context *context(void *ctx)
{
    return static_cast<Context *>(ctx);
}

EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

void release(KeyedCipher &k)
{
    EVP_CIPHER_CTX_free(k.ctx);
    k.ctx = nullptr;
    OPENSSL_cleanse(k.key, sizeof k.key);
    k.keySize = 0;
}

void releaseKeys(Context *c)
{
    release(c->encrypt);
    release(c->decrypt);
    EVP_MAC_CTX_free(c->hmac);
    c->hmac = nullptr;
    OPENSSL_cleanse(c->hmacKey, sizeof c->hmacKey);
    c->hmacKeySize = 0;
    OPENSSL_cleanse(c->pool, sizeof c->pool);
    c->poolLeft = 0;
}

bool sameKey(const unsigned char *held, int heldSize, const unsigned char *key, int size)
{
    return heldSize == size && CRYPTO_memcmp(held, key, size_t(size)) == 0;
}

int activate(void *)
{
    return SQLITE_OK; // OpenSSL 3 initialises itself
}

int deactivate(void *)
{
    return SQLITE_OK;
}

const char *providerName(void *)
{
    return "openssl"; // what PRAGMA cipher_provider said before: the library is the same
}

const char *providerVersion(void *)
{
    return OpenSSL_version(OPENSSL_VERSION);
}

int addRandom(void *, void *buffer, int length)
{
    RAND_add(buffer, length, 0);
    return SQLITE_OK;
}

int random(void *ctx, void *buffer, int length)
{
    Context *c = context(ctx);
    auto *out = static_cast<unsigned char *>(buffer);
    if (length > int(sizeof c->pool))
        return RAND_bytes(out, length) == 1 ? SQLITE_OK : SQLITE_ERROR;
    if (c->poolLeft < length) {
        if (RAND_bytes(c->pool, int(sizeof c->pool)) != 1)
            return SQLITE_ERROR;
        c->poolLeft = int(sizeof c->pool);
    }
    unsigned char *from = c->pool + (int(sizeof c->pool) - c->poolLeft);
    std::memcpy(out, from, size_t(length));
    OPENSSL_cleanse(from, size_t(length)); // handed out once, and not kept
    c->poolLeft -= length;
    return SQLITE_OK;
}

int hmac(void *ctx, unsigned char *key, int keySize, unsigned char *in, int inSize,
         unsigned char *in2, int in2Size, unsigned char *out)
{
    Context *c = context(ctx);
    if (keySize <= 0 || keySize > kMaxKey || !hmacAlgorithm())
        return SQLITE_ERROR;
    int ok = 1;
    if (c->hmac && sameKey(c->hmacKey, c->hmacKeySize, key, keySize)) {
        ok = EVP_MAC_init(c->hmac, nullptr, 0, nullptr); // the same key again
    } else {
        EVP_MAC_CTX_free(c->hmac);
        c->hmac = EVP_MAC_CTX_new(hmacAlgorithm());
        char digest[] = "SHA1";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_end()};
        ok = c->hmac && EVP_MAC_init(c->hmac, key, size_t(keySize), params);
        std::memcpy(c->hmacKey, key, size_t(keySize));
        c->hmacKeySize = ok ? keySize : 0;
    }
    size_t written = 0;
    ok = ok && EVP_MAC_update(c->hmac, in, size_t(inSize)) &&
         (in2Size <= 0 || EVP_MAC_update(c->hmac, in2, size_t(in2Size))) &&
         EVP_MAC_final(c->hmac, out, &written, kHmacSha1Bytes) && written == kHmacSha1Bytes;
    return ok ? SQLITE_OK : SQLITE_ERROR;
}

int kdf(void *, const unsigned char *pass, int passSize, unsigned char *salt, int saltSize,
        int workfactor, int keySize, unsigned char *key)
{
    return PKCS5_PBKDF2_HMAC_SHA1(reinterpret_cast<const char *>(pass), passSize, salt, saltSize,
                                  workfactor, keySize, key) == 1
               ? SQLITE_OK
               : SQLITE_ERROR;
}

int cipher(void *ctx, int mode, unsigned char *key, int keySize, unsigned char *iv,
           unsigned char *in, int inSize, unsigned char *out)
{
    Context *c = context(ctx);
    if (!c->cipher || keySize <= 0 || keySize > kMaxKey)
        return SQLITE_ERROR;
    const int enc = mode == kEncrypt ? 1 : 0;
    KeyedCipher &k = enc ? c->encrypt : c->decrypt;
    auto run = [&](bool rekey) {
        int ok = 1;
        if (!rekey) {
            ok = EVP_CipherInit_ex2(k.ctx, nullptr, nullptr, iv, enc, nullptr); // a new IV only
        } else {
            release(k);
            k.ctx = EVP_CIPHER_CTX_new();
            ok = k.ctx && EVP_CipherInit_ex2(k.ctx, c->cipher, key, iv, enc, nullptr) &&
                 EVP_CIPHER_CTX_set_padding(k.ctx, 0); // pages are whole blocks
            std::memcpy(k.key, key, size_t(keySize));
            k.keySize = ok ? keySize : 0;
        }
        int part = 0, last = 0;
        return ok && EVP_CipherUpdate(k.ctx, out, &part, in, inSize) &&
               EVP_CipherFinal_ex(k.ctx, out + part, &last) && part + last == inSize;
    };
    const bool keyed = k.ctx && sameKey(k.key, k.keySize, key, keySize);
    // SQLCipher 3.4 does not look at the result, so a failure is tried once more afresh.
    if ((keyed && run(false)) || run(true))
        return SQLITE_OK;
    release(k);
    return SQLITE_ERROR;
}

int setCipher(void *ctx, const char *name)
{
    EVP_CIPHER *fetched = EVP_CIPHER_fetch(nullptr, name, nullptr);
    if (!fetched)
        return SQLITE_ERROR;
    Context *c = context(ctx);
    releaseKeys(c);
    EVP_CIPHER_free(c->cipher);
    c->cipher = fetched;
    return SQLITE_OK;
}

const char *getCipher(void *ctx)
{
    const EVP_CIPHER *cipher = context(ctx)->cipher;
    return cipher ? EVP_CIPHER_get0_name(cipher) : "";
}

int keySize(void *ctx)
{
    return context(ctx)->cipher ? EVP_CIPHER_get_key_length(context(ctx)->cipher) : 0;
}

int ivSize(void *ctx)
{
    return context(ctx)->cipher ? EVP_CIPHER_get_iv_length(context(ctx)->cipher) : 0;
}

int blockSize(void *ctx)
{
    return context(ctx)->cipher ? EVP_CIPHER_get_block_size(context(ctx)->cipher) : 0;
}

int hmacSize(void *)
{
    return kHmacSha1Bytes; // SQLCipher 3 pages always carry HMAC-SHA1
}

int contextCopy(void *target, void *source)
{
    Context *t = context(target);
    const Context *s = context(source);
    releaseKeys(t); // keys are copied by SQLCipher and set again on first use
    if (s->cipher && !EVP_CIPHER_up_ref(s->cipher))
        return SQLITE_ERROR;
    EVP_CIPHER_free(t->cipher);
    t->cipher = s->cipher;
    return SQLITE_OK;
}

int contextCompare(void *a, void *b)
{
    // 1 when both use the same cipher, as SQLCipher's own provider answers.
    const EVP_CIPHER *x = context(a)->cipher, *y = context(b)->cipher;
    return x && y && EVP_CIPHER_is_a(x, EVP_CIPHER_get0_name(y));
}

int contextInit(void **ctx)
{
    auto *c = new (std::nothrow) Context;
    if (!c)
        return SQLITE_NOMEM;
    c->cipher = EVP_CIPHER_fetch(nullptr, kDefaultCipher, nullptr);
    if (!c->cipher) {
        delete c;
        return SQLITE_ERROR;
    }
    *ctx = c;
    return SQLITE_OK;
}

int contextFree(void **ctx)
{
    Context *c = context(*ctx);
    if (c) {
        releaseKeys(c);
        EVP_CIPHER_free(c->cipher);
        delete c;
    }
    *ctx = nullptr;
    return SQLITE_OK;
}

int fipsStatus(void *)
{
    return 0;
}

constexpr sqlcipher_provider kProvider = {
    activate,    deactivate,     providerName, addRandom,   random,     hmac,           kdf,
    cipher,      setCipher,      getCipher,    keySize,     ivSize,     blockSize,      hmacSize,
    contextCopy, contextCompare, contextInit,  contextFree, fipsStatus, providerVersion};

bool isThreeX()
{
    // SQLCipher 3.4.x is built on SQLite 3.15-3.20; 4.0 came with SQLite 3.26.
    return sqlite3_libversion_number() < 3'021'000;
}

} // namespace

bool cipherProviderIsOurs()
{
    if (!isThreeX())
        return false;
    const sqlcipher_provider *p = sqlcipher_get_provider();
    return p && p->cipher == kProvider.cipher;
}

bool installCipherProvider()
{
    if (!isThreeX() || !hmacAlgorithm())
        return false;
    if (sqlite3_initialize() != SQLITE_OK)
        return false;
    // SQLCipher activates and deactivates its provider under this mutex.
    sqlite3_mutex *master = sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_MASTER);
    sqlite3_mutex_enter(master);
    bool ours = cipherProviderIsOurs();
    if (!ours) {
        // SQLCipher frees the registered provider with sqlite3_free when replacing it or
        // when its last connection closes, so each registration is a fresh copy.
        auto *p =
            static_cast<sqlcipher_provider *>(sqlite3_malloc(int(sizeof(sqlcipher_provider))));
        if (p) {
            *p = kProvider;
            ours = sqlcipher_register_provider(p) == SQLITE_OK;
        }
    }
    sqlite3_mutex_leave(master);
    return ours;
}

} // namespace threadline::cache
