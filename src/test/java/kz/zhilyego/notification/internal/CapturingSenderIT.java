package kz.zhilyego.notification.internal;

import java.util.Map;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The development stand-in for unconfigured channels. */
@IntegrationTest
class CapturingSenderIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MessageRenderer renderer;

	@Autowired
	CapturedMessages captured;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void storesTheRenderedMessageWithCodesMaskedNewestFirst() {
		Map<String, String> params = Map.of("bookingId", "ZH-5", "listingTitle", "Студия", "checkIn", "12.12.2026");
		RenderedMessage first = this.renderer.render(NotificationKind.BOOKING_CONFIRMED_GUEST, Language.RU, params,
				Map.of());
		RenderedMessage withCodes = this.renderer.render(NotificationKind.REMINDER_CHECK_IN_DAY, Language.RU, params,
				Map.of("flatCode", "93528"));
		new CapturingSender(Channel.EMAIL, this.jdbc, this.clock).send(message(1, Channel.EMAIL, "a@example.kz"),
				first);
		this.clock.advance(java.time.Duration.ofSeconds(1));
		SendResult result = new CapturingSender(Channel.TELEGRAM, this.jdbc, this.clock)
			.send(message(2, Channel.TELEGRAM, "123"), withCodes);

		assertThat(result).isInstanceOf(SendResult.Sent.class);
		var latest = this.captured.latest(10);
		assertThat(latest).extracting(CapturedMessages.Captured::channel).containsExactly("TELEGRAM", "EMAIL");
		assertThat(latest.get(0).body()).contains("Код двери: <code>••••</code>").doesNotContain("93528");
		assertThat(latest.get(1).subject()).isEqualTo("Бронирование ZH-5 подтверждено");
		assertThat(latest.get(1).html()).contains("<html");
	}

	static OutboxMessage message(long id, Channel channel, String address) {
		return new OutboxMessage(id, NotificationKind.BOOKING_CONFIRMED_GUEST, channel, 1L, address, Language.RU,
				Map.of(), null, 1, MutableClock.START, null);
	}

}
