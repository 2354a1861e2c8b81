package kz.zhilyego.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
 * {@code ZHILYEGO_JWT_SECRET}. In dev a missing key is generated once into
 * {@code zhilyego.crypto.key-file}, with a loud warning.
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
		if (!lenient && (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
			throw new IllegalStateException("ЖильеGO refuses to start: ZHILYEGO_JWT_SECRET (zhilyego.jwt.secret)"
					+ " must be set to at least 32 bytes of random text. See docs/security.md.");
		}
	}

	private String devKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			String key = SecretBox.generateKey();
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
			this.log.warn("\n************************************************************************\n"
					+ " DEV ONLY: generated a new encryption key for access codes in " + file.toAbsolutePath()
					+ "\n Never use this file in production: set ZHILYEGO_ENCRYPTION_KEY instead.\n"
					+ " Losing it makes stored access codes unreadable.\n"
					+ "************************************************************************");
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the dev encryption key " + file, ex);
		}
	}

}
