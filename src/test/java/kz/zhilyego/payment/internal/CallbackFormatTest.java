package kz.zhilyego.payment.internal;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGateway.MalformedCallbackException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackFormatTest {

	@Test
	void readsWhatItWritesForEveryOutcome() {
		for (PaymentGateway.Outcome outcome : PaymentGateway.Outcome.values()) {
			String body = CallbackFormat.write("evt_1", CallbackFormat.type(outcome), "sbx_1",
					Money.kzt(new java.math.BigDecimal("60000.50")), "2026-12-01T05:00:00Z");

			PaymentGateway.Callback callback = CallbackFormat.parse(body);

			assertThat(callback.eventId()).isEqualTo("evt_1");
			assertThat(callback.providerPaymentId()).isEqualTo("sbx_1");
			assertThat(callback.outcome()).isEqualTo(outcome);
			assertThat(callback.amount()).isEqualTo(Money.kzt(new java.math.BigDecimal("60000.50")));
		}
	}

	@Test
	void anUnknownEventTypeChangesNothing() {
		PaymentGateway.Callback callback = CallbackFormat
			.parse("{\"id\":\"evt_2\",\"type\":\"invoice.viewed\",\"data\":{\"paymentId\":\"p\"}}");

		assertThat(callback.outcome()).isEqualTo(PaymentGateway.Outcome.PENDING);
		assertThat(callback.amount()).isNull();
	}

	@Test
	void refusesBodiesThatAreNotCallbacks() {
		for (String body : new String[] { "{not json", "[]", "\"text\"", "{}", "{\"id\":\"e\",\"type\":\"t\"}",
				"{\"id\":\"e\",\"type\":\"payment.succeeded\",\"data\":{\"paymentId\":\"p\",\"amount\":\"lots\"}}" }) {
			assertThatThrownBy(() -> CallbackFormat.parse(body)).as(body)
				.isInstanceOf(MalformedCallbackException.class);
		}
	}

}
