package kz.zhilyego.payment.kaspi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second ЖильеGO with {@code provider=kaspi}, started next to the shared test context
 * over the same embedded PostgreSQL (one database server per test JVM), talking to a
 * {@link FakeKaspi}. It has its own test clock; its scheduler is off (the tests run the
 * jobs).
 */
final class KaspiApp {

	/** How long the app waits for Kaspi's answer. */
	static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(5);

	private KaspiApp() {
	}

	static ConfigurableApplicationContext start(HikariDataSource dataSource, FakeKaspi kaspi,
			Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", 0);
		properties.put("spring.datasource.url", dataSource.getJdbcUrl());
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.hikari.maximum-pool-size", 8);
		properties.put("spring.flyway.enabled", false);
		properties.put("db-scheduler.enabled", false);
		properties.put("zhilyego.payment.provider", "kaspi");
		properties.put("zhilyego.payment.kaspi.base-url", kaspi.baseUrl());
		properties.put("zhilyego.payment.kaspi.device-token", FakeKaspi.DEVICE_TOKEN);
		// generous for a loaded build machine (a cold first TLS call took over 2 s); a
		// lost answer is simulated by holding it longer than this
		properties.put("zhilyego.payment.kaspi.connect-timeout", "PT5S");
		properties.put("zhilyego.payment.kaspi.read-timeout", READ_TIMEOUT.toString());
		properties.put("zhilyego.payment.kaspi.slow-call", READ_TIMEOUT.toString());
		try {
			properties.put("zhilyego.storage.local-dir", Files.createTempDirectory("zhilyego-kaspi-media"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		properties.put("logging.level.root", "WARN");
		properties.putAll(extra);
		return TestApps.start(properties, TestClockConfig.class);
	}

	/** The enhanced contract over mutual TLS: certificate, trust store and BIN. */
	static Map<String, Object> enhancedOverTls() {
		TestCertificates tls = TestCertificates.get();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("zhilyego.payment.kaspi.path-prefix", "/r3/v01");
		properties.put("zhilyego.payment.kaspi.organization-bin", "123456789012");
		properties.put("zhilyego.payment.kaspi.client-certificate.path", tls.clientKeyStore());
		properties.put("zhilyego.payment.kaspi.client-certificate.password", TestCertificates.PASSWORD);
		properties.put("zhilyego.payment.kaspi.trust-store.path", tls.clientTrustStore());
		properties.put("zhilyego.payment.kaspi.trust-store.password", TestCertificates.PASSWORD);
		return properties;
	}

}
