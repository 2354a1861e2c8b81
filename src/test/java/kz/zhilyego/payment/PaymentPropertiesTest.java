package kz.zhilyego.payment;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentPropertiesTest {

	@Test
	void refundRetriesBackOffExponentiallyUpToTheCap() {
		PaymentProperties.Refund refund = new PaymentProperties.Refund(Duration.ofMinutes(1), Duration.ofMinutes(30),
				10, null);

		assertThat(refund.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(refund.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(refund.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(refund.backoffAfter(6)).isEqualTo(Duration.ofMinutes(30));
		assertThat(refund.backoffAfter(60)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void thereIsNoDefaultProviderAndRejectedCallbacksAreBounded() {
		PaymentProperties properties = new PaymentProperties(null, null, null, null, null, null, 0, null, null, null,
				null, null);

		assertThat(properties.provider()).isEmpty();
		assertThat(properties.webhookSecret()).isEmpty();
		assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.kaspi().pathPrefix()).as("the enhanced scheme, the only one that refunds")
			.isEqualTo("/r3/v01");
		assertThat(properties.kaspi().refundsByHand()).isFalse();
		assertThat(properties.kaspi().statusHints()).isFalse();
		assertThat(properties.rejectedCallbacks().maxStoredBody().toBytes()).isEqualTo(4096);
		assertThat(properties.rejectedCallbacks().retention()).isEqualTo(Duration.ofDays(30));
	}

}
