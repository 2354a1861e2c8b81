package kz.zhilyego.notification;

import java.util.Map;

import kz.zhilyego.common.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingMessageTest {

	OutgoingMessage.Builder confirmation() {
		return OutgoingMessage.builder(NotificationKind.BOOKING_CONFIRMED_GUEST, "booking-confirmed:b1:guest")
			.recipient(7L, Language.KK)
			.param("bookingId", "ZH-1")
			.param("nights", 3)
			.param("refund", null)
			.secretRef("booking:b1");
	}

	@Test
	void oneBuilderGivesOneMessagePerChannelWithTheChannelInTheDedupKey() {
		OutgoingMessage.Builder builder = confirmation();

		OutgoingMessage email = builder.email("guest@example.kz");
		OutgoingMessage telegram = builder.telegram("123456789");
		OutgoingMessage whatsApp = builder.whatsApp("+77011234567");
		OutgoingMessage inApp = builder.inApp();

		assertThat(email.dedupKey()).isEqualTo("booking-confirmed:b1:guest:EMAIL");
		assertThat(telegram.dedupKey()).isEqualTo("booking-confirmed:b1:guest:TELEGRAM");
		assertThat(whatsApp.channel()).isEqualTo(Channel.WHATSAPP);
		assertThat(inApp.address()).isNull();
		assertThat(email.params()).isEqualTo(Map.of("bookingId", "ZH-1", "nights", "3"));
		assertThat(telegram.language()).isEqualTo(Language.KK);
		assertThat(telegram.secretRef()).isEqualTo("booking:b1");
	}

	@Test
	void secretsCannotBeStoredAsParameters() {
		assertThatIllegalArgumentException().isThrownBy(() -> confirmation().param("flatCode", "93528").inApp())
			.withMessageContaining("secretRef");
	}

	@Test
	void addressesMustSuitTheChannel() {
		assertThatIllegalArgumentException().isThrownBy(() -> confirmation().email("not-an-address"));
		assertThatIllegalArgumentException().isThrownBy(() -> confirmation().whatsApp("87011234567"));
		assertThatIllegalArgumentException().isThrownBy(() -> confirmation().telegram("chat 1"));
		assertThat(confirmation().telegram("-1001234567890").address()).isEqualTo("-1001234567890");
	}

	@Test
	void anInAppMessageNeedsARecipient() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingMessage.builder(NotificationKind.REVIEW_REQUEST, "r").inApp());
	}

}
