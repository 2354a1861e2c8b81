package kz.zhilyego.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key for access codes and TOTP secrets (AES-256-GCM).
 *
 * @param key base64 of 32 random bytes ({@code ZHILYEGO_ENCRYPTION_KEY}); required
 * outside dev and test
 * @param keyVersion the version stored next to every ciphertext made with {@code key}
 * @param previousKey the key before a rotation (base64), used to read rows of an older
 * version
 * @param keyFile where the dev profile keeps its generated key
 * @param reencrypt when true, re-encrypt all rows of an older version at start-up
 */
@ConfigurationProperties("zhilyego.crypto")
public record CryptoProperties(@Nullable String key, @DefaultValue("1") int keyVersion, @Nullable String previousKey,
		@DefaultValue("./data/encryption.key") String keyFile, @DefaultValue("false") boolean reencrypt) {
}
