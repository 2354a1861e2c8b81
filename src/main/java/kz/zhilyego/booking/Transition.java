package kz.zhilyego.booking;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of a booking's timeline. */
public record Transition(Instant at, String actor, @Nullable Long actorId, @Nullable String from, String to,
		@Nullable String reason, @Nullable String note) {
}
