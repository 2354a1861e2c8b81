package kz.zhilyego.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** One entry of a user's in-app inbox. */
public record InAppNotification(long id, NotificationKind kind, String title, String body, @Nullable String link,
		@Nullable Instant readAt, Instant createdAt) {

	@JsonProperty("read")
	public boolean read() {
		return this.readAt != null;
	}

}
