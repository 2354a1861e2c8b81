package kz.zhilyego.payment.adapter;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGateway.Outcome;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kaspi adapter against a local HTTP server that plays Kaspi's partner QR API (the
 * contract assumed in docs/payments.md): every outcome a payment can have and every way
 * the API can misbehave.
 */
class KaspiPaymentGatewayTest {

	private static final String PREFIX = "/r3/v01";

	private static final String STATUS_PATH = "/r3/v02/payment/status/";

	private static final UUID PAYMENT = UUID.fromString("11111111-2222-3333-4444-555555555555");

	private WireMockServer kaspi;

	private KaspiPaymentGateway gateway;

	@BeforeEach
	void startFakeKaspi() {
		this.kaspi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		this.kaspi.start();
		this.gateway = gateway("link", false);
	}

	@AfterEach
	void stopFakeKaspi() {
		this.kaspi.stop();
	}

	/**
	 * Timeouts far above what a local fake needs even on a loaded machine: only the tests
	 * about timeouts use short ones ({@link #impatientGateway}).
	 */
	private KaspiPaymentGateway gateway(String form, boolean remoteInvoice) {
		return gateway(form, remoteInvoice, Duration.ofSeconds(20));
	}

	private KaspiPaymentGateway gateway(String form, boolean remoteInvoice, Duration readTimeout) {
		return new KaspiPaymentGateway(
				new PaymentProperties.Kaspi(this.kaspi.baseUrl(), PREFIX, "api-key-1", "device-token-1", "123456789012",
						form, remoteInvoice, Duration.ofSeconds(10), readTimeout, Duration.ofSeconds(7), null, false));
	}

	/** Gives up after one second; the fake answers after six. */
	private KaspiPaymentGateway impatientGateway() {
		return gateway("link", false, Duration.ofSeconds(1));
	}

	@Test
	void createsAPaymentLinkAndPollsAtTheIntervalKaspiAsksFor() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create-link")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"PaymentLink": "https://pay.kaspi.kz/pay/abc",
				 "ExpireDate": "2026-12-01T10:15:00+05:00", "PaymentId": 90001, "PaymentMethods": ["Gold"],
				 "PaymentBehaviorOptions": {"StatusPollingInterval": 3, "LinkActivationWaitTimeout": 180,
				 "PaymentConfirmationTimeout": 65}}}
				""")));

		PaymentGateway.Created created = this.gateway.create(request());

		assertThat(created.providerPaymentId()).isEqualTo("90001");
		assertThat(created.redirectUrl()).isEqualTo("https://pay.kaspi.kz/pay/abc");
		assertThat(created.pollAfter()).isEqualTo(Duration.ofSeconds(3));
		assertThat(created.expiresAt()).isEqualTo(Instant.parse("2026-12-01T05:15:00Z"));
		assertThat(created.remoteInvoiceId()).isNull();
		this.kaspi
			.verify(postRequestedFor(urlEqualTo(PREFIX + "/qr/create-link")).withHeader("Api-Key", equalTo("api-key-1"))
				.withHeader("X-Request-ID", matching("[0-9a-f-]{36}"))
				.withRequestBody(matchingJsonPath("$.DeviceToken", equalTo("device-token-1")))
				.withRequestBody(matchingJsonPath("$.OrganizationBin", equalTo("123456789012")))
				.withRequestBody(matchingJsonPath("$.ExternalId", equalTo(PAYMENT.toString())))
				.withRequestBody(equalToJson("{\"Amount\": 60000}", true, true)));
	}

	@Test
	void everyCallCarriesAFreshRequestIdNotOurPaymentId() {
		status("Wait", "");

		this.gateway.status("90001");
		this.gateway.status("90001");

		List<String> ids = this.kaspi.findAll(getRequestedFor(urlEqualTo(STATUS_PATH + "90001")))
			.stream()
			.map(request -> request.getHeader("X-Request-ID"))
			.toList();
		assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f-]{36}"));
	}

	@Test
	void anExpireDateWithoutOffsetIsKazakhstanTime() {
		assertThat(KaspiPaymentGateway.instant("2026-12-01T10:15:00")).isEqualTo(Instant.parse("2026-12-01T05:15:00Z"));
		assertThat(KaspiPaymentGateway.instant("2026-12-01T10:15:00.000+05:00"))
			.isEqualTo(Instant.parse("2026-12-01T05:15:00Z"));
		assertThat(KaspiPaymentGateway.instant("tomorrow")).isNull();
		assertThat(KaspiPaymentGateway.instant(null)).isNull();
	}

	@Test
	void amountsGoAsWholeTengeAndTiynAreRefusedRatherThanRoundedByKaspi() {
		assertThatThrownBy(() -> this.gateway.create(new PaymentGateway.CreateRequest(PAYMENT, UUID.randomUUID(),
				Money.kzt(new BigDecimal("60000.50")), "x", "https://zhilyego.kz/r", null)))
			.isInstanceOfSatisfying(PaymentGatewayException.class, ex -> assertThat(ex.retryable()).isFalse());
		assertThat(this.kaspi.getAllServeEvents()).isEmpty();
	}

	@Test
	void purchaseNotFoundIsNotFoundNotARetry() {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "90001"))
			.willReturn(okJson("{\"StatusCode\": -1601, \"Message\": \"Покупка не найдена\"}")));

		assertThatThrownBy(() -> this.gateway.status("90001")).isInstanceOfSatisfying(PaymentGatewayException.class,
				ex -> {
					assertThat(ex.notFound()).isTrue();
					assertThat(ex.retryable()).isFalse();
					assertThat(ex.getMessage()).contains("-1601", "purchase not found");
				});
	}

	@Test
	void readsThePaymentDetailsWithTheIdAsANumber() {
		this.kaspi.stubFor(get(urlEqualTo(
				PREFIX + "/payment/details?QrPaymentId=90001&DeviceToken=device-token-1&OrganizationBin=123456789012"))
			.willReturn(okJson("""
					{"StatusCode": 0, "Message": "", "Data": {"QrPaymentId": 90001, "TotalAmount": 60000,
					 "AvailableReturnAmount": 30000, "TransactionDate": "2026-12-01T10:05:00+05:00"}}
					""")));

		PaymentGateway.Details details = this.gateway.details("90001");

		assertThat(details.total()).isEqualByComparingTo("60000");
		assertThat(details.availableForReturn()).isEqualByComparingTo("30000");
		assertThat(details.returned()).isEqualByComparingTo("30000");
		assertThatThrownBy(() -> this.gateway.details("not-a-number"))
			.isInstanceOfSatisfying(PaymentGatewayException.class, ex -> assertThat(ex.retryable()).isFalse());
	}

	@Test
	void anEndpointTheContractDoesNotOfferIsARefusalNotARetry() {
		this.kaspi.stubFor(get(urlMatching(PREFIX + "/payment/details.*"))
			.willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

		assertThatThrownBy(() -> this.gateway.details("90001")).isInstanceOfSatisfying(PaymentGatewayException.class,
				ex -> assertThat(ex.retryable()).isFalse());
	}

	@Test
	void theRemoteInvoiceKeepsItsOwnPaymentIdAndCanBeWithdrawn() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create-link")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"PaymentLink": "https://pay.kaspi.kz/pay/abc",
				 "PaymentId": 90001, "PaymentBehaviorOptions": {"StatusPollingInterval": 3}}}
				""")));
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/remote/create"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Message\": \"\", \"Data\": {\"QrPaymentId\": 90002}}")));
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/remote/cancel"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Data\": {\"Status\": \"RemotePaymentCanceled\"}}")));

		PaymentGateway.Created created = gateway("link", true).create(request());
		gateway("link", true).cancelRemoteInvoice("90002");

		assertThat(created.providerPaymentId()).isEqualTo("90001");
		assertThat(created.remoteInvoiceId()).isEqualTo("90002");
		this.kaspi.verify(postRequestedFor(urlEqualTo(PREFIX + "/remote/cancel"))
			.withRequestBody(equalToJson("{\"QrPaymentId\": 90002, \"DeviceToken\": \"device-token-1\"}", true, true)));
	}

	@Test
	void theCircuitOpensWhenKaspiIsSlowAndCallsFailFastWithoutReachingIt() {
		KaspiPaymentGateway fragile = new KaspiPaymentGateway(new PaymentProperties.Kaspi(this.kaspi.baseUrl(), PREFIX,
				"", "d", "", "link", false, Duration.ofSeconds(10), Duration.ofSeconds(20), null, null, false, null,
				null, null, null, null, 0, Duration.ofMillis(200), Duration.ofMinutes(10)));
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "1")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"Status": "Wait"}}
				""").withFixedDelay(400)));

		for (int i = 0; i < 5; i++) {
			assertThat(fragile.status("1").outcome()).isEqualTo(Outcome.PENDING);
		}
		assertThat(fragile.circuitState()).isEqualTo("OPEN");
		assertRetryable(() -> fragile.status("1"));
		// the sixth call failed without reaching Kaspi
		this.kaspi.verify(5, getRequestedFor(urlEqualTo(STATUS_PATH + "1")));
	}

	@Test
	void refusalsDoNotOpenTheCircuit() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/payment/return"))
			.willReturn(okJson("{\"StatusCode\": -99000005, \"Message\": \"too large\"}")));
		for (int i = 0; i < 8; i++) {
			assertThatThrownBy(
					() -> this.gateway.refund(new PaymentGateway.RefundRequest(UUID.randomUUID(), "1", Money.kzt(1))))
				.isInstanceOf(PaymentGatewayException.class);
		}
		assertThat(this.gateway.circuitState()).isEqualTo("CLOSED");
	}

	@Test
	void createsAQrTokenAndOptionallyAnInvoiceToTheGuestsKaspiPhone() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"QrToken": "51236903777280167836178166503744",
				 "ExpireDate": "2026-12-01T10:15:00+05:00", "QrPaymentId": 15,
				 "QrPaymentBehaviorOptions": {"StatusPollingInterval": 5, "QrCodeScanWaitTimeout": 180}}}
				""")));
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/remote/create"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Message\": \"\", \"Data\": {\"QrPaymentId\": 15}}")));

		PaymentGateway.Created created = gateway("qr", true).create(request());

		assertThat(created.providerPaymentId()).isEqualTo("15");
		assertThat(created.redirectUrl()).isNull();
		assertThat(created.qrPayload()).isEqualTo("51236903777280167836178166503744");
		assertThat(created.pollAfter()).isEqualTo(Duration.ofSeconds(5));
		this.kaspi.verify(postRequestedFor(urlEqualTo(PREFIX + "/remote/create"))
			.withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo("77011234567"))));
	}

	@Test
	void aProcessedPaymentIsPaidWithItsAmount() {
		status("Processed", ", \"TransactionId\": \"35134863\", \"Amount\": 60000.00");

		PaymentGateway.StatusReport report = this.gateway.status("90001");

		assertThat(report.outcome()).isEqualTo(Outcome.PAID);
		assertThat(report.amount()).isEqualByComparingTo("60000");
		this.kaspi.verify(getRequestedFor(urlEqualTo(STATUS_PATH + "90001")).withHeader("Api-Key", equalTo("api-key-1"))
			.withHeader("X-Request-ID", matching("[0-9a-f-]{36}")));
	}

	@Test
	void anErrorIsADeclinedPayment() {
		status("Error", "");

		assertThat(this.gateway.status("90001").outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void cancelledByUserIsACancelledPayment() {
		status("CancelledByUser", "");

		assertThat(this.gateway.status("90001").outcome()).isEqualTo(Outcome.CANCELLED);
	}

	@Test
	void anExpiredQrIsAnExpiredPayment() {
		status("Expired", "");

		assertThat(this.gateway.status("90001").outcome()).isEqualTo(Outcome.EXPIRED);
	}

	@Test
	void createdWaitingAndRemoteInvoiceStatusesAreStillPending() {
		for (String pending : new String[] { "QrTokenCreated", "Wait", "RemotePaymentCreated" }) {
			this.kaspi.resetAll();
			status(pending, "");

			PaymentGateway.StatusReport report = this.gateway.status("90001");

			assertThat(report.outcome()).as(pending).isEqualTo(Outcome.PENDING);
			assertThat(report.pollAfter()).isEqualTo(Duration.ofSeconds(7));
		}
	}

	@Test
	void anUnknownStatusIsUnknownNeverAFailure() {
		status("SomethingNewFromKaspi", "");

		PaymentGateway.StatusReport report = this.gateway.status("90001");

		assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(report.raw()).isEqualTo("SomethingNewFromKaspi");
	}

	@Test
	void aStatusAnswerWithoutStatusIsRetryable() {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "90001"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Message\": \"\", \"Data\": {}}")));

		assertRetryable(() -> this.gateway.status("90001"));
	}

	@Test
	void onlyANotYetOpenedQrOrInvoiceIsUntouched() {
		for (String untouched : new String[] { "QrTokenCreated", "RemotePaymentCreated" }) {
			this.kaspi.resetAll();
			status(untouched, "");
			assertThat(this.gateway.status("90001").untouched()).as(untouched).isTrue();
		}
		this.kaspi.resetAll();
		status("Wait", "");
		assertThat(this.gateway.status("90001").untouched()).isFalse();
	}

	@Test
	void refundsThroughTheReturnOperation() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/payment/return"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Message\": \"\", \"Data\": {\"ReturnOperationId\": 777}}")));
		UUID refund = UUID.randomUUID();

		String providerRefundId = this.gateway
			.refund(new PaymentGateway.RefundRequest(refund, "90001", Money.kzt(30_000)));

		assertThat(providerRefundId).isEqualTo("777");
		this.kaspi.verify(postRequestedFor(urlEqualTo(PREFIX + "/payment/return"))
			.withHeader("X-Request-ID", matching("[0-9a-f-]{36}"))
			.withHeader("X-Request-ID", notMatching(refund.toString()))
			.withRequestBody(equalToJson("""
					{"QrPaymentId": 90001, "Amount": 30000, "DeviceToken": "device-token-1",
					 "OrganizationBin": "123456789012"}
					""")));
	}

	@Test
	void aRefusedRefundIsNotRetried() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/payment/return"))
			.willReturn(okJson("{\"StatusCode\": -99000005, \"Message\": \"Сумма возврата больше суммы покупки\"}")));

		assertThatThrownBy(
				() -> this.gateway.refund(new PaymentGateway.RefundRequest(UUID.randomUUID(), "1", Money.kzt(1))))
			.isInstanceOfSatisfying(PaymentGatewayException.class, ex -> {
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage()).contains("-99000005");
			});
	}

	@Test
	void aServiceNotAvailableCodeIsRetryable() {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "90001"))
			.willReturn(okJson("{\"StatusCode\": -999, \"Message\": \"Сервис недоступен\"}")));

		assertRetryable(() -> this.gateway.status("90001"));
	}

	@Test
	void aServerErrorIsRetryable() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create-link")).willReturn(serverError().withBody("oops")));

		assertRetryable(() -> this.gateway.create(request()));
	}

	@Test
	void aSlowAnswerBeyondTheReadTimeoutIsRetryable() {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "90001")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"Status": "Processed"}}
				""").withFixedDelay(6_000)));

		long started = System.nanoTime();
		assertRetryable(() -> impatientGateway().status("90001"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5_500));
	}

	@Test
	void aCreateThatTimesOutIsRetryable() {
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create-link")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"PaymentLink": "https://pay.kaspi.kz/x", "PaymentId": 1}}
				""").withFixedDelay(6_000)));

		assertRetryable(() -> impatientGateway().create(request()));
	}

	@Test
	void anUnreachableOrDroppedConnectionIsRetryable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		KaspiPaymentGateway unreachable = new KaspiPaymentGateway(
				new PaymentProperties.Kaspi("http://127.0.0.1:" + closedPort, PREFIX, "k", "d", "", "link", false,
						Duration.ofMillis(500), Duration.ofMillis(500), null, null, false));
		assertRetryable(() -> unreachable.status("1"));

		this.kaspi.stubFor(
				get(urlEqualTo(STATUS_PATH + "2")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertRetryable(() -> this.gateway.status("2"));
	}

	@Test
	void aMalformedAnswerIsRetryable() {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "1"))
			.willReturn(aResponse().withStatus(200).withBody("<html>Bad gateway</html>")));
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "2")).willReturn(okJson("{\"Data\": {\"Status\": 1}}")));
		this.kaspi.stubFor(post(urlEqualTo(PREFIX + "/qr/create-link"))
			.willReturn(okJson("{\"StatusCode\": 0, \"Data\": {\"PaymentLink\": \"https://pay.kaspi.kz/x\"}}")));

		assertRetryable(() -> this.gateway.status("1"));
		assertRetryable(() -> this.gateway.status("2"));
		assertRetryable(() -> this.gateway.create(request()));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "Processed, PAID", "Error, FAILED", "NotConfirmedByUser, FAILED", "CancelledByExternalSource, FAILED",
			"ProcessingFailed, FAILED", "Rejected, FAILED", "InsufficientFunds, FAILED",
			"InsufficientFundsError, FAILED", "RemotePaymentRejected, FAILED", "IrisSrcBlockCode1, FAILED",
			"IrisSrcBlockCode9, FAILED", "IrisDestBlockCode10, FAILED", "CancelledByUser, CANCELLED",
			"RemotePaymentCanceled, CANCELLED", "Expired, EXPIRED", "QrTokenDiscarded, EXPIRED",
			"QrTokenCreated, PENDING", "Wait, PENDING", "WaitForRemotePayment, PENDING", "WaitingForPayment, PENDING",
			"RemotePaymentCreated, PENDING", "processed, UNKNOWN", "SomethingNew, UNKNOWN", "IrisBlock, UNKNOWN",
			"'', UNKNOWN" })
	void mapsEveryStatusThePublicClientsKnowAndNothingElse(String status, Outcome outcome) {
		assertThat(KaspiPaymentGateway.outcomeOf(status)).isEqualTo(outcome);
	}

	private void status(String status, String extra) {
		this.kaspi.stubFor(get(urlEqualTo(STATUS_PATH + "90001")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"Status": "%s"%s}}
				""".formatted(status, extra))));
	}

	private static PaymentGateway.CreateRequest request() {
		return new PaymentGateway.CreateRequest(PAYMENT, UUID.randomUUID(), Money.kzt(60_000), "ЖильеGO: проживание",
				"https://zhilyego.kz/payments/" + PAYMENT + "/return", "+7 701 123 45 67");
	}

	private static void assertRetryable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(PaymentGatewayException.class,
				ex -> assertThat(ex.retryable()).as(ex.getMessage()).isTrue());
	}

}
