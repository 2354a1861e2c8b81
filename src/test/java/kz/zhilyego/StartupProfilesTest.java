package kz.zhilyego;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.identity.internal.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How the application starts in each profile, with the real configuration files and every
 * start-up check, stopped right after the environment is prepared: before any bean and
 * before the database. Outside dev and test (and with no profile at all, which is what
 * {@code java -jar} gets) it refuses to start without keys, without an explicitly chosen
 * real payment provider, or without a webhook secret for a provider that takes callbacks,
 * and says which setting is missing.
 */
class StartupProfilesTest {

	private static final String KEYS = "--zhilyego.crypto.key=" + SecretBox.generateKey();

	private static final String JWT = "--zhilyego.jwt.secret=production-jwt-secret-0123456789abcdefghij";

	private static final String BY_HAND = "--zhilyego.payment.kaspi.refunds=by-hand";

	private static final String R3_CERT = "--zhilyego.payment.kaspi.client-certificate.path=/etc/zhilyego/kaspi.p12";

	private static final String R3_BIN = "--zhilyego.payment.kaspi.organization-bin=123456789012";

	@Test
	void withoutAProfileTheJarBehavesAsProductionAndRefusesToStartWithoutKeys() {
		assertThatThrownBy(() -> prepare(null)).hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_ENCRYPTION_KEY");
		assertThatThrownBy(() -> prepare(null, KEYS)).hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_JWT_SECRET (zhilyego.jwt.secret)");
	}

	@Test
	void withoutAProfileAndWithKeysItStillRefusesToStartWithoutAPaymentProvider() {
		assertThatThrownBy(() -> prepare(null, KEYS, JWT)).hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_PAYMENT_PROVIDER (zhilyego.payment.provider)");
	}

	@Test
	void prodRefusesToStartWithoutKeys() {
		assertThatThrownBy(() -> prepare("prod", JWT, "--zhilyego.payment.provider=kaspi"))
			.hasMessageContaining("ZHILYEGO_ENCRYPTION_KEY");
		assertThatThrownBy(() -> prepare("prod", KEYS, "--zhilyego.payment.provider=kaspi"))
			.hasMessageContaining("ZHILYEGO_JWT_SECRET (zhilyego.jwt.secret)");
	}

	@Test
	void prodRefusesToStartWithoutAPaymentProviderInsteadOfFallingBackToTheSandbox() {
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT)).hasMessageContaining("refuses to start")
			.hasMessageContaining("no payment provider is chosen")
			.hasMessageContaining("ZHILYEGO_PAYMENT_PROVIDER (zhilyego.payment.provider)");
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider="))
			.hasMessageContaining("ZHILYEGO_PAYMENT_PROVIDER (zhilyego.payment.provider)");
	}

	@Test
	void prodRefusesToStartWithTheSandboxOrAnUnknownProvider() {
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=sandbox"))
			.hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_PAYMENT_PROVIDER (zhilyego.payment.provider) is sandbox");
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=paypal"))
			.hasMessageContaining("unknown payment provider 'paypal'");
	}

	@Test
	void prodRefusesToStartWithoutAWebhookSecretForAProviderThatTakesCallbacks() {
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", BY_HAND,
				"--zhilyego.payment.kaspi.status-hints=true"))
			.hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_PAYMENT_WEBHOOK_SECRET (zhilyego.payment.webhook-secret)")
			.hasMessageContaining("it is not set");
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", BY_HAND,
				"--zhilyego.payment.kaspi.status-hints=true", "--zhilyego.payment.webhook-secret=short"))
			.hasMessageContaining("ZHILYEGO_PAYMENT_WEBHOOK_SECRET (zhilyego.payment.webhook-secret)")
			.hasMessageContaining("too short");
	}

	@Test
	void prodStartsWithKeysAndKaspiWhichTakesNoCallbacksAndNeedsNoWebhookSecret() {
		ConfigurableEnvironment environment = prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", R3_CERT,
				R3_BIN);

		assertThat(environment.getProperty("zhilyego.payment.provider")).isEqualTo("kaspi");
		assertThat(environment.getProperty("zhilyego.payment.webhook-secret")).isEmpty();

		ConfigurableEnvironment hints = prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", BY_HAND,
				"--zhilyego.payment.kaspi.status-hints=true",
				"--zhilyego.payment.webhook-secret=shared-with-the-relaying-gateway-0123456789");
		assertThat(hints.getProperty("zhilyego.payment.webhook-secret"))
			.isEqualTo("shared-with-the-relaying-gateway-0123456789");
	}

	@Test
	void kaspiRefusesToStartWhenItsContractCannotRefundUnlessRefundsAreMadeByHand() {
		// the defaults: r3, but without the client certificate and BIN it needs
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi"))
			.hasMessageContaining("refuses to start")
			.hasMessageContaining("client-certificate.path is not set")
			.hasMessageContaining("ZHILYEGO_KASPI_REFUNDS");
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", R3_CERT))
			.hasMessageContaining("ZHILYEGO_KASPI_BIN");
		// r1 has no refunds, r2 only with the customer scanning a return QR
		for (String prefix : new String[] { "/r1/v01", "/r2/v01" }) {
			assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi", R3_CERT, R3_BIN,
					"--zhilyego.payment.kaspi.path-prefix=" + prefix))
				.hasMessageContaining("the path prefix is " + prefix);
		}
		// the test profile is no exception: a Kaspi test context must be honest too
		assertThatThrownBy(() -> prepare("test", "--zhilyego.payment.provider=kaspi",
				"--zhilyego.payment.kaspi.path-prefix=/r1/v01"))
			.hasMessageContaining("refuses to start");
		assertThatThrownBy(() -> prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi",
				"--zhilyego.payment.kaspi.refunds=sometimes"))
			.hasMessageContaining("unknown zhilyego.payment.kaspi.refunds 'sometimes'");

		ConfigurableEnvironment byHand = prepare("prod", KEYS, JWT, "--zhilyego.payment.provider=kaspi",
				"--zhilyego.payment.kaspi.path-prefix=/r1/v01", BY_HAND);
		assertThat(byHand.getProperty("zhilyego.payment.kaspi.refunds")).isEqualTo("by-hand");
	}

	@Test
	void devGeneratesItsKeysOncePerDataDirectoryAndDefaultsToTheSandbox(@TempDir Path one, @TempDir Path two)
			throws Exception {
		ConfigurableEnvironment first = prepare("dev", dataDir(one));
		ConfigurableEnvironment again = prepare("dev", dataDir(one));
		ConfigurableEnvironment other = prepare("dev", dataDir(two));

		String jwt = first.getProperty("zhilyego.jwt.secret");
		assertThat(jwt.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(Files.readString(one.resolve("jwt.secret")).trim()).isEqualTo(jwt);
		assertThat(again.getProperty("zhilyego.jwt.secret")).isEqualTo(jwt);
		assertThat(other.getProperty("zhilyego.jwt.secret")).isNotEqualTo(jwt);
		assertThat(first.getProperty("zhilyego.crypto.key")).isEqualTo(again.getProperty("zhilyego.crypto.key"))
			.isNotEqualTo(other.getProperty("zhilyego.crypto.key"));
		assertThat(first.getProperty("zhilyego.payment.provider")).isEqualTo("sandbox");
		String webhookSecret = first.getProperty("zhilyego.payment.webhook-secret");
		assertThat(webhookSecret.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(again.getProperty("zhilyego.payment.webhook-secret")).isNotEqualTo(webhookSecret);
	}

	@Test
	void theTestProfileDefaultsToTheSandboxWithAWebhookSecretOfItsOwn() {
		ConfigurableEnvironment environment = prepare("test");

		assertThat(environment.getProperty("zhilyego.payment.provider")).isEqualTo("sandbox");
		assertThat(environment.getProperty("zhilyego.payment.webhook-secret")).isNotBlank()
			.isNotEqualTo("sandbox-only-webhook-secret");
	}

	private static String[] dataDir(Path dir) {
		return new String[] { "--zhilyego.crypto.key-file=" + dir.resolve("encryption.key"),
				"--zhilyego.jwt.secret-file=" + dir.resolve("jwt.secret") };
	}

	/**
	 * Starts the application as {@code java -jar} would (with the profile, if any) and
	 * stops it once the environment is ready: every start-up check has run by then.
	 */
	private static ConfigurableEnvironment prepare(String profile, String... args) {
		StopWhenPrepared stop = new StopWhenPrepared();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(ZhilyeGoApplication.class)
			.web(WebApplicationType.NONE)
			.listeners(stop);
		if (profile != null) {
			builder.profiles(profile);
		}
		Throwable thrown = catchThrowable(() -> builder.run(args).close());
		if (!(thrown instanceof AbandonedRunException)) {
			throw thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
		}
		return stop.environment;
	}

	private static final class StopWhenPrepared implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		ConfigurableEnvironment environment;

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			this.environment = event.getEnvironment();
			throw new AbandonedRunException();
		}

	}

}
