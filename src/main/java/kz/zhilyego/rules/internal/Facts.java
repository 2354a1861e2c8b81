package kz.zhilyego.rules.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The values a condition may name: {@code event.*}, {@code payload.*} and the subject's
 * current {@code facts.*}, read through the owners' APIs at evaluation time. A booking
 * (the subject, or the {@code bookingId} of a payment's or review's payload):
 * {@code status}, {@code amount}, {@code currency}, {@code nights}, {@code guests},
 * {@code listingId}, {@code guestId}, {@code ownerId}, {@code daysToCheckIn}. A user:
 * {@code roles}, {@code agencyId}, {@code telegram}.
 */
@Component
public class Facts {

	private final BookingQueries bookings;

	private final UserDirectory users;

	private final Clock clock;

	Facts(BookingQueries bookings, UserDirectory users, Clock clock) {
		this.bookings = bookings;
		this.users = users;
		this.clock = clock;
	}

	public Map<String, @Nullable Object> of(RecordedEvent event) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("event.type", event.type());
		values.put("event.subjectType", event.subjectType());
		values.put("event.subjectId", event.subjectId());
		event.payload().forEach((key, value) -> values.put("payload." + key, value));
		booking(event).ifPresent(b -> {
			values.put("facts.status", b.status().name());
			values.put("facts.amount", b.total().toPlainString());
			values.put("facts.currency", b.currency());
			values.put("facts.nights", b.nights());
			values.put("facts.guests", b.guests());
			values.put("facts.listingId", b.listingId());
			values.put("facts.guestId", b.guestId());
			values.put("facts.ownerId", b.ownerId());
			values.put("facts.daysToCheckIn",
					Duration
						.between(this.clock.instant(),
								b.checkIn().atStartOfDay(kz.zhilyego.common.Zones.KAZAKHSTAN).toInstant())
						.toDays());
		});
		if ("user".equals(event.subjectType())) {
			user(event.subjectId()).ifPresent(u -> {
				values.put("facts.roles", u.roles().stream().map(Enum::name).sorted().toList());
				values.put("facts.agencyId", u.agencyId());
				values.put("facts.telegram", u.telegramEnabled());
			});
		}
		return values;
	}

	/**
	 * The booking an event is about: its subject, or the booking named in its payload.
	 */
	public Optional<BookingDetails> booking(RecordedEvent event) {
		return bookingId(event).flatMap(this.bookings::find);
	}

	public static Optional<UUID> bookingId(RecordedEvent event) {
		String id = "booking".equals(event.subjectType()) ? event.subjectId()
				: event.payload().get("bookingId") instanceof String text ? text : null;
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	Optional<UserProfile> user(String id) {
		try {
			return this.users.find(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
