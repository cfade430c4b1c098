#pragma once

#include <memory>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <QString>

namespace tessera {

// OpenSSL 3's libcrypto, loaded when first needed instead of linked: only the checks of
// identity providers' RS256 signatures (Jwks, JwtVerifier) use it (a bank's sign-in through
// its identity provider, tessera-sandbox --jwks, the broker's JWT sign-ins), while linking it
// cost every start of Tessera ~3 ms before main() on the window's thread. Where it is missing
// (Tessera's Windows installer ships no OpenSSL), those sign-ins are refused with a reason
// (OidcSignIn says so before the browser opens) instead of the program not starting at all.
// Include this header only where libcrypto is used: it brings OpenSSL's declarations.
class Libcrypto
{
public:
    // The process's libcrypto, loaded on the first call (from any thread); nullptr when it
    // cannot be, `why` then saying why in plain technical words (for the log).
    static const Libcrypto *get(QString *why = nullptr);
    // The library in `fileName` (QLibrary's naming: "crypto" with version "3" is
    // libcrypto.so.3); nullptr when it cannot be loaded or lacks a function used here.
    static std::unique_ptr<const Libcrypto> load(const QString &fileName, const QString &version,
                                                 QString *why);

    // The functions used here, named as in OpenSSL. decltype needs only their declarations.
    decltype(&::BN_bin2bn) BN_bin2bn = nullptr;
    decltype(&::BN_free) BN_free = nullptr;
    decltype(&::OSSL_PARAM_BLD_new) OSSL_PARAM_BLD_new = nullptr;
    decltype(&::OSSL_PARAM_BLD_push_BN) OSSL_PARAM_BLD_push_BN = nullptr;
    decltype(&::OSSL_PARAM_BLD_to_param) OSSL_PARAM_BLD_to_param = nullptr;
    decltype(&::OSSL_PARAM_BLD_free) OSSL_PARAM_BLD_free = nullptr;
    decltype(&::OSSL_PARAM_free) OSSL_PARAM_free = nullptr;
    decltype(&::EVP_PKEY_CTX_new_from_name) EVP_PKEY_CTX_new_from_name = nullptr;
    decltype(&::EVP_PKEY_CTX_free) EVP_PKEY_CTX_free = nullptr;
    decltype(&::EVP_PKEY_fromdata_init) EVP_PKEY_fromdata_init = nullptr;
    decltype(&::EVP_PKEY_fromdata) EVP_PKEY_fromdata = nullptr;
    decltype(&::EVP_PKEY_get_bits) EVP_PKEY_get_bits = nullptr;
    decltype(&::EVP_PKEY_free) EVP_PKEY_free = nullptr;
    decltype(&::EVP_MD_CTX_new) EVP_MD_CTX_new = nullptr;
    decltype(&::EVP_MD_CTX_free) EVP_MD_CTX_free = nullptr;
    decltype(&::EVP_DigestVerifyInit) EVP_DigestVerifyInit = nullptr;
    decltype(&::EVP_DigestVerify) EVP_DigestVerify = nullptr;
    decltype(&::EVP_sha256) EVP_sha256 = nullptr;

private:
    Libcrypto() = default;
};

} // namespace tessera
