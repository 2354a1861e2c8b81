package kz.zhilyego.notification.internal;

import java.time.Duration;

import kz.zhilyego.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramBotSenderTest {

	private final TelegramBotSender sender = new TelegramBotSender(
			new NotificationProperties.Telegram("http://127.0.0.1:1", "token", 1, 30, null, null),
			new TelegramRateLimiter(1, 30, Duration.ofSeconds(1)));

	@Test
	void mapsBotApiAnswersToOutcomes() {
		assertThat(this.sender.result(200, "{\"ok\":true,\"result\":{\"message_id\":42}}"))
			.isEqualTo(new SendResult.Sent("42"));
		assertThat(this.sender.result(429, "{\"ok\":false,\"parameters\":{\"retry_after\":17}}"))
			.isInstanceOfSatisfying(SendResult.RetryAfter.class,
					wait -> assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(17)));
		assertThat(this.sender.result(403, "{\"ok\":false,\"description\":\"Forbidden: bot was blocked by the user\"}"))
			.isInstanceOf(SendResult.Blocked.class);
		assertThat(this.sender.result(400, "{\"ok\":false,\"description\":\"Bad Request\"}"))
			.isInstanceOf(SendResult.Rejected.class);
		assertThat(this.sender.result(502, "<html>Bad gateway</html>")).isInstanceOf(SendResult.Failed.class);
	}

	@Test
	void theTokenNeverAppearsInAnOutcome() {
		assertThat(this.sender.result(500, "{\"description\":\"oops\"}").toString()).doesNotContain("token");
	}

	@Test
	void theRateLimiterLetsOneMessagePerChatThroughAtOnceButOtherChatsProceed() throws InterruptedException {
		TelegramRateLimiter limiter = new TelegramRateLimiter(1, 30, Duration.ZERO);

		assertThat(limiter.acquire("1")).isTrue();
		assertThat(limiter.acquire("1")).isFalse();
		assertThat(limiter.acquire("2")).isTrue();
	}

}
