package kz.zhilyego.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Runs before any bean (and before the database): outside the dev and test profiles
 * ЖильеGO refuses to start without a valid {@code ZHILYEGO_ENCRYPTION_KEY} and
 * {@code ZHILYEGO_JWT_SECRET} — and with no profile at all it behaves as production. In
 * dev a missing key is generated once into {@code zhilyego.crypto.key-file} and a missing
 * JWT secret into {@code zhilyego.jwt.secret-file} (both under {@code ./data} by
 * default), with a loud warning: dev keys belong to one data directory and are never
 * constants in the repository.
 */
public class CryptoKeyCheck implements EnvironmentPostProcessor, Ordered {

	static final String KEY = "zhilyego.crypto.key";

	static final String JWT_SECRET = "zhilyego.jwt.secret";

	private final Log log;

	public CryptoKeyCheck(DeferredLogFactory logs) {
		this.log = logs.getLog(CryptoKeyCheck.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String key = environment.getProperty(KEY);
		boolean lenient = environment.acceptsProfiles(Profiles.of("dev | test"));
		if (!StringUtils.hasText(key) && environment.acceptsProfiles(Profiles.of("dev"))) {
			key = devKey(Path.of(environment.getProperty("zhilyego.crypto.key-file", "./data/encryption.key")));
			environment.getPropertySources()
				.addFirst(new MapPropertySource("zhilyego-dev-encryption-key", Map.of(KEY, key)));
		}
		if (!lenient || StringUtils.hasText(key)) {
			try {
				SecretBox.decodeKey(key, "ZHILYEGO_ENCRYPTION_KEY (zhilyego.crypto.key)");
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException("ЖильеGO refuses to start: " + ex.getMessage()
						+ ". Access codes cannot be protected without it. See docs/security.md.");
			}
		}
		String secret = environment.getProperty(JWT_SECRET);
		if (!StringUtils.hasText(secret) && environment.acceptsProfiles(Profiles.of("dev"))) {
			secret = devSecret(Path.of(environment.getProperty("zhilyego.jwt.secret-file", "./data/jwt.secret")),
					"JWT secret", "ZHILYEGO_JWT_SECRET", CryptoKeyCheck::randomSecret);
			environment.getPropertySources()
				.addFirst(new MapPropertySource("zhilyego-dev-jwt-secret", Map.of(JWT_SECRET, secret)));
		}
		if (!lenient && (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
			throw new IllegalStateException("ЖильеGO refuses to start: ZHILYEGO_JWT_SECRET (zhilyego.jwt.secret)"
					+ " must be set to at least 32 bytes of random text. See docs/security.md.");
		}
	}

	private String devKey(Path file) {
		return devSecret(file, "encryption key for access codes", "ZHILYEGO_ENCRYPTION_KEY", SecretBox::generateKey);
	}

	/** Reads the dev secret from its file, or generates it there once. */
	private String devSecret(Path file, String what, String variable, Supplier<String> generate) {
		try {
			if (Files.exists(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
				if (!stored.isEmpty()) {
					return stored;
				}
			}
			String key = generate.get();
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
			this.log
				.warn("\n************************************************************************\n"
						+ " DEV ONLY: generated a new " + what + " in " + file.toAbsolutePath()
						+ "\n Never use this file in production: set " + variable + " instead.\n"
						+ ("ZHILYEGO_ENCRYPTION_KEY".equals(variable)
								? " Losing it makes stored access codes unreadable.\n" : "")
						+ "************************************************************************");
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the dev " + what + " " + file, ex);
		}
	}

	private static String randomSecret() {
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
