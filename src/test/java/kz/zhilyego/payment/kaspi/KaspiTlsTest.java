package kz.zhilyego.payment.kaspi;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.adapter.KaspiPaymentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS with Kaspi: the client certificate from {@code kaspi.client-certificate} and
 * Kaspi's chain checked against the configurable {@code kaspi.trust-store}, against a
 * local HTTPS server that requires a client certificate and whose certificate the JDK
 * does not trust.
 */
class KaspiTlsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

	private FakeKaspi kaspi;

	@BeforeEach
	void start() {
		this.kaspi = new FakeKaspi(() -> NOW, true);
	}

	@AfterEach
	void stop() {
		this.kaspi.close();
	}

	@Test
	void withTheClientCertificateAndTheTrustStoreKaspiAnswers() {
		TestCertificates tls = TestCertificates.get();

		PaymentGateway.Created created = gateway(
				new PaymentProperties.ClientCertificate(tls.clientKeyStore().toString(), TestCertificates.PASSWORD),
				new PaymentProperties.TrustStore(tls.clientTrustStore().toString(), TestCertificates.PASSWORD, null))
			.create(request());

		assertThat(this.kaspi.purchase(created.providerPaymentId()).status).isEqualTo("QrTokenCreated");
		assertThat(created.expiresAt()).isEqualTo(NOW.plus(FakeKaspi.QR_LIFETIME));
	}

	@Test
	void withoutTheTrustStoreKaspisChainIsNotTrusted() {
		TestCertificates tls = TestCertificates.get();

		assertThatThrownBy(() -> gateway(
				new PaymentProperties.ClientCertificate(tls.clientKeyStore().toString(), TestCertificates.PASSWORD),
				null)
			.create(request())).isInstanceOf(PaymentGatewayException.class);
		assertThat(this.kaspi.requests()).isEmpty();
	}

	@Test
	void withoutTheClientCertificateKaspiRefusesTheConnection() {
		TestCertificates tls = TestCertificates.get();

		assertThatThrownBy(() -> gateway(null,
				new PaymentProperties.TrustStore(tls.clientTrustStore().toString(), TestCertificates.PASSWORD, null))
			.create(request())).isInstanceOf(PaymentGatewayException.class);
		assertThat(this.kaspi.requests()).isEmpty();
	}

	private KaspiPaymentGateway gateway(PaymentProperties.ClientCertificate certificate,
			PaymentProperties.TrustStore trust) {
		return new KaspiPaymentGateway(new PaymentProperties.Kaspi(this.kaspi.baseUrl(), "/r3/v01", "",
				FakeKaspi.DEVICE_TOKEN, "123456789012", "qr", false, Duration.ofSeconds(3), Duration.ofSeconds(5), null,
				certificate, false, null, trust, null, null, null, 0, null, null));
	}

	private static PaymentGateway.CreateRequest request() {
		return new PaymentGateway.CreateRequest(UUID.randomUUID(), UUID.randomUUID(), Money.kzt(1), "ЖильеGO: проверка",
				"https://zhilyego.kz/return", null);
	}

}
