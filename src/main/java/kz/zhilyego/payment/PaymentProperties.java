package kz.zhilyego.payment;

import java.time.Duration;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Payment settings ({@code zhilyego.payment.*}). Commission and gateway fee rates are not
 * here: they are booking settings ({@code zhilyego.booking.*}), stored with each booking
 * when the hold is placed, and the ledger uses the stored amounts so it always matches
 * what the guest was shown.
 *
 * @param provider the active gateway: {@code kaspi}, or {@code sandbox} (dev and test
 * profiles only, their default); there is no default elsewhere
 * ({@code PaymentSettingsCheck} refuses to start without one)
 * @param webhookSecret HMAC-SHA256 key of the active provider's callbacks; required
 * outside dev/test for a provider that takes callbacks, generated per start in dev/test
 * @param webhookTolerance how far a callback's timestamp may be from our clock
 * @param webhookGrace how long a webhook provider's payment waits for its callback before
 * the polling job asks the provider
 * @param pollInterval how often the status-polling job runs, and the default gap between
 * two status queries of one payment
 * @param maxPending how long a payment is tracked before it is given up as EXPIRED
 * @param batchSize payments or refunds handled per job run
 * @param publicBaseUrl base of the browser-facing URLs given to providers (return page);
 * empty: relative URLs
 * @param rejectedCallbacks how much of a callback with a bad signature is kept, and how
 * long
 * @param unknownCheckFor how long a payment in doubt (UNKNOWN) is still asked about,
 * every {@code kaspi.slow-poll-interval}, before only a person can settle it
 * @param reconciliation the daily comparison of yesterday's payments with the provider
 */
@ConfigurationProperties("zhilyego.payment")
public record PaymentProperties(String provider, String webhookSecret, Duration webhookTolerance, Duration webhookGrace,
		Duration pollInterval, Duration maxPending, int batchSize, String publicBaseUrl, Refund refund, Sandbox sandbox,
		Kaspi kaspi, RejectedCallbacks rejectedCallbacks, Duration unknownCheckFor, Reconciliation reconciliation) {

	public PaymentProperties(String provider, String webhookSecret, Duration webhookTolerance, Duration webhookGrace,
			Duration pollInterval, Duration maxPending, int batchSize, String publicBaseUrl, Refund refund,
			Sandbox sandbox, Kaspi kaspi, RejectedCallbacks rejectedCallbacks) {
		this(provider, webhookSecret, webhookTolerance, webhookGrace, pollInterval, maxPending, batchSize,
				publicBaseUrl, refund, sandbox, kaspi, rejectedCallbacks, null, null);
	}

	@ConstructorBinding
	public PaymentProperties {
		provider = provider == null ? "" : provider.trim();
		webhookSecret = webhookSecret == null ? "" : webhookSecret;
		webhookTolerance = webhookTolerance != null ? webhookTolerance : Duration.ofMinutes(5);
		webhookGrace = webhookGrace != null ? webhookGrace : Duration.ofMinutes(5);
		pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(5);
		maxPending = maxPending != null ? maxPending : Duration.ofHours(24);
		batchSize = batchSize > 0 ? batchSize : 100;
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
		refund = refund != null ? refund : new Refund(null, null, 0, null);
		sandbox = sandbox != null ? sandbox : new Sandbox(null, null);
		kaspi = kaspi != null ? kaspi
				: new Kaspi(null, null, null, null, null, null, false, null, null, null, null, false);
		rejectedCallbacks = rejectedCallbacks != null ? rejectedCallbacks : new RejectedCallbacks(null, null, null);
		unknownCheckFor = unknownCheckFor != null ? unknownCheckFor : Duration.ofDays(3);
		reconciliation = reconciliation != null ? reconciliation : new Reconciliation(true, null);
	}

	/**
	 * The daily reconciliation job ({@code reconcile-payments}, one node at a time):
	 * every payment of the previous day (Kazakhstan time) is compared with the provider.
	 *
	 * @param enabled whether the job is scheduled (the admin API can run a day by hand
	 * either way)
	 * @param at the local time (Asia/Almaty) it runs at
	 */
	public record Reconciliation(boolean enabled, LocalTime at) {

		public Reconciliation {
			at = at != null ? at : LocalTime.of(4, 0);
		}

	}

	/**
	 * Callbacks with a bad signature are kept for audit, but bounded: an attacker can
	 * send them as fast as the rate limit allows.
	 *
	 * @param maxStoredBody the stored prefix of the body (the size that arrived is kept
	 * too)
	 * @param retention how long they are kept; the {@code purge-rejected-callbacks} job
	 * deletes older ones
	 * @param purgeInterval how often that job runs
	 */
	public record RejectedCallbacks(DataSize maxStoredBody, Duration retention, Duration purgeInterval) {

		public RejectedCallbacks {
			maxStoredBody = maxStoredBody != null && maxStoredBody.toBytes() > 0 ? maxStoredBody
					: DataSize.ofKilobytes(4);
			retention = retention != null ? retention : Duration.ofDays(30);
			purgeInterval = purgeInterval != null ? purgeInterval : Duration.ofHours(1);
		}

	}

	/**
	 * @param initialBackoff wait before the second attempt; doubles per attempt
	 * @param maxBackoff the longest wait between attempts
	 * @param maxAttempts attempts before a refund is parked as FAILED for a human
	 * @param retryInterval how often the refund job looks for due retries
	 */
	public record Refund(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration retryInterval) {

		public Refund {
			initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMinutes(1);
			maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofHours(6);
			maxAttempts = maxAttempts > 0 ? maxAttempts : 20;
			retryInterval = retryInterval != null ? retryInterval : Duration.ofMinutes(1);
		}

		/** The wait after the {@code attempts}-th failed attempt. */
		public Duration backoffAfter(int attempts) {
			Duration delay = this.initialBackoff;
			for (int i = 1; i < attempts && delay.compareTo(this.maxBackoff) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return delay.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : delay;
		}

	}

	/**
	 * @param callbackBaseUrl where the sandbox posts its callbacks; empty: this node,
	 * {@code http://127.0.0.1:<local port>}
	 * @param expiresAfter an unfinished sandbox payment expires at the "provider" after
	 * this
	 */
	public record Sandbox(String callbackBaseUrl, Duration expiresAfter) {

		public Sandbox {
			callbackBaseUrl = callbackBaseUrl == null ? "" : callbackBaseUrl;
			expiresAfter = expiresAfter != null ? expiresAfter : Duration.ofMinutes(20);
		}

	}

	/**
	 * Kaspi QR partner API (see docs/payments.md for the assumed contract and the go-live
	 * checklist).
	 *
	 * @param baseUrl API host, e.g. {@code https://qrapi-cert-ip.kaspi.kz}
	 * @param pathPrefix scheme prefix: {@code /r3/v01} (enhanced: certificate + BIN, the
	 * only one with refunds without the customer; default), {@code /r2/v01} (standard,
	 * client certificate), {@code /r1/v01} (basic, API key; no refunds)
	 * @param apiKey sent as the {@code Api-Key} header when not blank
	 * @param deviceToken the registered cash-desk token
	 * @param organizationBin sent as {@code OrganizationBin} when not blank (enhanced)
	 * @param form {@code link} (payment link, default) or {@code qr} (QR token)
	 * @param remoteInvoice also send an invoice to the guest's Kaspi phone (tracked as a
	 * payment of the booking of its own)
	 * @param connectTimeout TCP connect timeout
	 * @param readTimeout time to wait for an answer
	 * @param defaultPollInterval poll gap when Kaspi does not return one
	 * @param clientCertificate PKCS12 key store for mutual TLS; absent: none
	 * @param statusHints accept signed callbacks at
	 * {@code /api/v1/payments/webhooks/kaspi} (from a gateway relaying Kaspi payments) as
	 * hints only: each one makes us ask Kaspi for the status, and only Kaspi's answer
	 * settles the payment. Off by default (Kaspi itself sends no callbacks; the endpoint
	 * answers 404); on, the webhook secret is required.
	 * @param refunds {@code automatic} (default: {@code payment/return}, needs r3 with a
	 * client certificate and BIN, checked at start-up) or {@code by-hand} (refunds wait
	 * in the admin queue until a person makes them in the Kaspi cabinet and marks them)
	 * @param trustStore the trust store for Kaspi's certificate chain; absent: the JDK's
	 * @param slowPollInterval gap between the late checks of a lapsed QR or a payment in
	 * doubt
	 * @param lapsedCheckFor how long a QR closed as lapsed is still checked (in case it
	 * was paid at the last second)
	 * @param notFoundGrace how long Kaspi's "purchase not found" (-1601) is taken as not
	 * there yet; after it the payment is closed and no longer asked about
	 * @param maxParallelPolls status queries in flight at once per node
	 * @param slowCall a call slower than this counts against Kaspi's health
	 * @param circuitOpenFor when most recent calls failed or were slow, calls stop for
	 * this long (each one fails at once as retryable)
	 */
	public record Kaspi(String baseUrl, String pathPrefix, String apiKey, String deviceToken, String organizationBin,
			String form, boolean remoteInvoice, Duration connectTimeout, Duration readTimeout,
			Duration defaultPollInterval, @Nullable ClientCertificate clientCertificate, boolean statusHints,
			String refunds, @Nullable TrustStore trustStore, Duration slowPollInterval, Duration lapsedCheckFor,
			Duration notFoundGrace, int maxParallelPolls, Duration slowCall, Duration circuitOpenFor) {

		public static final String REFUNDS_AUTOMATIC = "automatic";

		public static final String REFUNDS_BY_HAND = "by-hand";

		@ConstructorBinding
		public Kaspi {
			baseUrl = blankTo(baseUrl, "https://qrapi-cert-ip.kaspi.kz");
			pathPrefix = blankTo(pathPrefix, "/r3/v01");
			apiKey = apiKey == null ? "" : apiKey;
			deviceToken = deviceToken == null ? "" : deviceToken;
			organizationBin = organizationBin == null ? "" : organizationBin;
			form = blankTo(form, "link");
			connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
			readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
			defaultPollInterval = defaultPollInterval != null ? defaultPollInterval : Duration.ofSeconds(5);
			refunds = blankTo(refunds, REFUNDS_AUTOMATIC);
			slowPollInterval = slowPollInterval != null ? slowPollInterval : Duration.ofMinutes(5);
			lapsedCheckFor = lapsedCheckFor != null ? lapsedCheckFor : Duration.ofHours(2);
			notFoundGrace = notFoundGrace != null ? notFoundGrace : Duration.ofMinutes(2);
			maxParallelPolls = maxParallelPolls > 0 ? maxParallelPolls : 8;
			slowCall = slowCall != null ? slowCall : Duration.ofSeconds(3);
			circuitOpenFor = circuitOpenFor != null ? circuitOpenFor : Duration.ofSeconds(30);
		}

		public Kaspi(String baseUrl, String pathPrefix, String apiKey, String deviceToken, String organizationBin,
				String form, boolean remoteInvoice, Duration connectTimeout, Duration readTimeout,
				Duration defaultPollInterval, @Nullable ClientCertificate clientCertificate, boolean statusHints) {
			this(baseUrl, pathPrefix, apiKey, deviceToken, organizationBin, form, remoteInvoice, connectTimeout,
					readTimeout, defaultPollInterval, clientCertificate, statusHints, null, null, null, null, null, 0,
					null, null);
		}

		/** Whether refunds are made by a person in the Kaspi cabinet. */
		public boolean refundsByHand() {
			return REFUNDS_BY_HAND.equalsIgnoreCase(this.refunds.trim());
		}

		/** The enhanced scheme (r3): the only one with refunds without the customer. */
		public boolean enhanced() {
			return this.pathPrefix.startsWith("/r3/");
		}

	}

	/**
	 * @param path a PKCS12 (or JKS) trust store with Kaspi's certificate chain; blank:
	 * the JDK's default trust
	 */
	public record TrustStore(String path, String password, String type) {

		public TrustStore {
			path = path == null ? "" : path;
			password = password == null ? "" : password;
			type = blankTo(type, "PKCS12");
		}

	}

	/**
	 * @param path a PKCS12 file; blank: no client certificate
	 */
	public record ClientCertificate(String path, String password) {

		public ClientCertificate {
			path = path == null ? "" : path;
			password = password == null ? "" : password;
		}

	}

	private static String blankTo(@Nullable String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
