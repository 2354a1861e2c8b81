package kz.zhilyego.feedback;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import kz.zhilyego.common.Zones;

/**
 * When a guest may be written to: between {@code from} (inclusive) and {@code until}
 * (exclusive), Astana time. {@link #next} moves an instant outside the window to the
 * window's next opening.
 */
public record QuietHours(LocalTime from, LocalTime until) {

	public boolean allows(Instant instant) {
		LocalTime time = instant.atZone(Zones.KAZAKHSTAN).toLocalTime();
		return !time.isBefore(this.from) && time.isBefore(this.until);
	}

	/** The instant itself when allowed, else the next opening of the window. */
	public Instant next(Instant instant) {
		ZonedDateTime local = instant.atZone(Zones.KAZAKHSTAN);
		LocalTime time = local.toLocalTime();
		if (time.isBefore(this.from)) {
			return local.with(this.from).toInstant();
		}
		if (!time.isBefore(this.until)) {
			return local.toLocalDate().plusDays(1).atTime(this.from).atZone(Zones.KAZAKHSTAN).toInstant();
		}
		return instant;
	}

}
