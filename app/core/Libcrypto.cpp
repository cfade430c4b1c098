#include "Libcrypto.h"

#include <QLibrary>
#include <type_traits>

namespace tessera {

std::unique_ptr<const Libcrypto> Libcrypto::load(const QString &fileName, const QString &version,
                                                 QString *why)
{
    // Never unloaded: the functions stay valid for the life of the process.
    QLibrary library(fileName, version);
    if (!library.load()) {
        if (why)
            *why = library.errorString();
        return nullptr;
    }
    std::unique_ptr<Libcrypto> crypto(new Libcrypto);
    bool complete = true;
    const auto resolve = [&](auto &function, const char *name) {
        function =
            reinterpret_cast<std::remove_reference_t<decltype(function)>>(library.resolve(name));
        if (!function && complete) {
            complete = false;
            if (why)
                *why = QStringLiteral("%1 has no %2").arg(library.fileName(), QLatin1String(name));
        }
    };
    resolve(crypto->BN_bin2bn, "BN_bin2bn");
    resolve(crypto->BN_free, "BN_free");
    resolve(crypto->OSSL_PARAM_BLD_new, "OSSL_PARAM_BLD_new");
    resolve(crypto->OSSL_PARAM_BLD_push_BN, "OSSL_PARAM_BLD_push_BN");
    resolve(crypto->OSSL_PARAM_BLD_to_param, "OSSL_PARAM_BLD_to_param");
    resolve(crypto->OSSL_PARAM_BLD_free, "OSSL_PARAM_BLD_free");
    resolve(crypto->OSSL_PARAM_free, "OSSL_PARAM_free");
    resolve(crypto->EVP_PKEY_CTX_new_from_name, "EVP_PKEY_CTX_new_from_name");
    resolve(crypto->EVP_PKEY_CTX_free, "EVP_PKEY_CTX_free");
    resolve(crypto->EVP_PKEY_fromdata_init, "EVP_PKEY_fromdata_init");
    resolve(crypto->EVP_PKEY_fromdata, "EVP_PKEY_fromdata");
    resolve(crypto->EVP_PKEY_get_bits, "EVP_PKEY_get_bits");
    resolve(crypto->EVP_PKEY_free, "EVP_PKEY_free");
    resolve(crypto->EVP_MD_CTX_new, "EVP_MD_CTX_new");
    resolve(crypto->EVP_MD_CTX_free, "EVP_MD_CTX_free");
    resolve(crypto->EVP_DigestVerifyInit, "EVP_DigestVerifyInit");
    resolve(crypto->EVP_DigestVerify, "EVP_DigestVerify");
    resolve(crypto->EVP_sha256, "EVP_sha256");
    if (!complete)
        return nullptr;
    return crypto;
}

const Libcrypto *Libcrypto::get(QString *why)
{
    struct Loaded
    {
        QString why;
        std::unique_ptr<const Libcrypto> crypto;
    };
    // Once per process, thread-safe (a function's static).
    static const Loaded loaded = [] {
        Loaded result;
#if defined(Q_OS_WIN)
        // OpenSSL 3's own name for its 64-bit DLL.
        result.crypto = load(QStringLiteral("libcrypto-3-x64"), QString(), &result.why);
#else
        result.crypto = load(QStringLiteral("crypto"), QStringLiteral("3"), &result.why);
#endif
        return result;
    }();
    if (!loaded.crypto && why)
        *why = QStringLiteral("OpenSSL 3's libcrypto could not be loaded (%1)").arg(loaded.why);
    return loaded.crypto.get();
}

} // namespace tessera
