package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM with a random 12-byte IV per value. A ciphertext is base64 of IV ||
 * ciphertext || 16-byte tag; a changed byte fails the tag check
 * ({@link TamperedException}).
 */
public final class SecretBox {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private final int version;

	private final @Nullable SecretKey previous;

	public SecretBox(byte[] key, int version, byte @Nullable [] previousKey) {
		this.key = aesKey(key);
		this.version = version;
		this.previous = previousKey == null ? null : aesKey(previousKey);
	}

	/** Decodes a base64 key and checks it is 32 bytes; the message names the variable. */
	public static byte[] decodeKey(@Nullable String base64, String name) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(
					name + " is not set: provide a base64-encoded 32-byte key" + " (e.g. `openssl rand -base64 32`)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not valid base64: provide a base64-encoded 32-byte key");
		}
		if (key.length != 32) {
			throw new IllegalStateException(
					name + " must decode to exactly 32 bytes (AES-256), but has " + key.length + " bytes");
		}
		return key;
	}

	public static String generateKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static SecretKey aesKey(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("AES-256 needs a 32-byte key");
		}
		return new SecretKeySpec(key, "AES");
	}

	/** The version of the current key. */
	public int version() {
		return this.version;
	}

	public @Nullable String encrypt(@Nullable String plain) {
		if (plain == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/** Decrypts a value made with the current key. */
	public @Nullable String decrypt(@Nullable String sealed) {
		return decrypt(sealed, this.version);
	}

	/** Decrypts a value made with the key of {@code keyVersion} (current or previous). */
	public @Nullable String decrypt(@Nullable String sealed, int keyVersion) {
		if (sealed == null) {
			return null;
		}
		SecretKey decryptKey = keyVersion == this.version ? this.key : this.previous;
		if (decryptKey == null) {
			throw new IllegalStateException("No key for version " + keyVersion
					+ ": set zhilyego.crypto.previous-key and run the re-encryption");
		}
		byte[] bytes = Base64.getDecoder().decode(sealed);
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new TamperedException();
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, decryptKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new TamperedException();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	/** The ciphertext or its tag was changed, or another key made it. */
	public static final class TamperedException extends RuntimeException {

		TamperedException() {
			super("Ciphertext failed the GCM authentication tag check");
		}

	}

}
