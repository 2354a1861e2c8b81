package kz.zhilyego.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Runs before any bean (and before the database). Outside the {@code dev} and
 * {@code test} profiles ЖильеGO refuses to start
 * <ul>
 * <li>without a payment provider chosen explicitly ({@code ZHILYEGO_PAYMENT_PROVIDER}):
 * there is no default, so a forgotten setting never means free payments;</li>
 * <li>with the {@code sandbox} provider, whose page lets anyone mark a payment paid;</li>
 * <li>without a webhook secret of at least 32 bytes
 * ({@code ZHILYEGO_PAYMENT_WEBHOOK_SECRET}) when the provider takes callbacks (Kaspi only
 * with {@code kaspi.status-hints}).</li>
 * </ul>
 * In every profile, {@code kaspi} starts only when its contract can send refunds without
 * the customer — the enhanced scheme ({@code /r3/v01}) with a client certificate and BIN
 * — or when {@code kaspi.refunds: by-hand} says a person makes refunds in the Kaspi
 * cabinet (they then wait in the admin queue). On r1 no refund exists, on r2 the customer
 * must scan a return QR: without this check every cancellation refund would end FAILED.
 * The dev and test profiles default to the sandbox (application.yml) and, without a
 * secret, get a random one per start: the sandbox signs and verifies its own callbacks.
 */
public class PaymentSettingsCheck implements EnvironmentPostProcessor, Ordered {

	static final String PROVIDER = "zhilyego.payment.provider";

	static final String WEBHOOK_SECRET = "zhilyego.payment.webhook-secret";

	static final String STATUS_HINTS = "zhilyego.payment.kaspi.status-hints";

	static final int MIN_SECRET_BYTES = 32;

	static final String KASPI = "zhilyego.payment.kaspi.";

	private static final Set<String> PROVIDERS = Set.of("sandbox", "kaspi");

	private final Log log;

	public PaymentSettingsCheck(DeferredLogFactory logs) {
		this.log = logs.getLog(PaymentSettingsCheck.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean lenient = environment.acceptsProfiles(Profiles.of("dev | test"));
		String provider = environment.getProperty(PROVIDER, "").trim().toLowerCase(Locale.ROOT);
		if (provider.isEmpty()) {
			throw refuse("no payment provider is chosen. Set ZHILYEGO_PAYMENT_PROVIDER (" + PROVIDER
					+ ") to kaspi; the sandbox, which takes free payments, exists only in the dev and test profiles");
		}
		if (!PROVIDERS.contains(provider)) {
			throw refuse("unknown payment provider '" + provider + "' in ZHILYEGO_PAYMENT_PROVIDER (" + PROVIDER
					+ "); choose kaspi (or sandbox in the dev and test profiles)");
		}
		if (provider.equals("sandbox") && !lenient) {
			throw refuse("ZHILYEGO_PAYMENT_PROVIDER (" + PROVIDER + ") is sandbox, whose payment page lets anyone"
					+ " confirm a booking without paying; it exists only in the dev and test profiles. Choose kaspi");
		}
		if (provider.equals("kaspi")) {
			checkKaspiRefunds(environment);
		}
		boolean takesCallbacks = provider.equals("sandbox")
				|| environment.getProperty(STATUS_HINTS, Boolean.class, false);
		if (!takesCallbacks) {
			return;
		}
		String secret = environment.getProperty(WEBHOOK_SECRET, "");
		if (secret.isBlank() && lenient) {
			byte[] random = new byte[MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(random);
			environment.getPropertySources()
				.addFirst(new MapPropertySource("zhilyego-dev-webhook-secret",
						Map.of(WEBHOOK_SECRET, Base64.getUrlEncoder().withoutPadding().encodeToString(random))));
			this.log.info("Payment callbacks are signed with a webhook secret generated for this run (dev/test)");
			return;
		}
		if (!lenient && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw refuse("the " + provider + " provider takes signed callbacks, so ZHILYEGO_PAYMENT_WEBHOOK_SECRET ("
					+ WEBHOOK_SECRET + ") must be set to at least " + MIN_SECRET_BYTES
					+ " bytes of random text shared with the provider"
					+ (secret.isBlank() ? "; it is not set" : "; it is too short"));
		}
	}

	private static void checkKaspiRefunds(ConfigurableEnvironment environment) {
		String refunds = environment.getProperty(KASPI + "refunds", "automatic").trim().toLowerCase(Locale.ROOT);
		if (refunds.equals("by-hand")) {
			return;
		}
		if (!refunds.equals("automatic")) {
			throw refuse("unknown " + KASPI + "refunds '" + refunds + "' (ZHILYEGO_KASPI_REFUNDS); choose automatic"
					+ " (the r3 contract refunds by API) or by-hand (a person refunds in the Kaspi cabinet)");
		}
		String prefix = environment.getProperty(KASPI + "path-prefix", "/r3/v01").trim();
		boolean enhanced = prefix.isEmpty() || prefix.startsWith("/r3/");
		boolean certificate = !environment.getProperty(KASPI + "client-certificate.path", "").isBlank();
		boolean bin = !environment.getProperty(KASPI + "organization-bin", "").isBlank();
		if (!enhanced || !certificate || !bin) {
			throw refuse("Kaspi refunds without the customer exist only on the enhanced contract (path-prefix /r3/v01)"
					+ " with a client certificate and the organisation's BIN; here "
					+ (!enhanced ? "the path prefix is " + prefix
							: !certificate ? KASPI + "client-certificate.path is not set"
									: KASPI + "organization-bin (ZHILYEGO_KASPI_BIN) is not set")
					+ ". Complete the r3 settings, or set ZHILYEGO_KASPI_REFUNDS (" + KASPI
					+ "refunds) to by-hand if refunds are made by hand in the Kaspi cabinet");
		}
	}

	private static IllegalStateException refuse(String why) {
		return new IllegalStateException("ЖильеGO refuses to start: " + why + ". See docs/payments.md.");
	}

}
