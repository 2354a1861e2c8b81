package kz.zhilyego.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.jspecify.annotations.Nullable;

/**
 * Reads an iCal feed of another platform with ical4j into busy date ranges in the
 * listing's time zone (Kazakhstan, UTC+5):
 * <ul>
 * <li>all-day events ({@code VALUE=DATE}, Airbnb and Booking.com): DTSTART is the first
 * night, DTEND (exclusive) the check-out day; without DTEND, one night (or
 * DURATION);</li>
 * <li>date-time events (UTC or with a TZID): the local dates of start and end; an event
 * that ends on its start day still blocks that night;</li>
 * <li>every event blocks, whatever its SUMMARY ("Reserved", "Not available", "CLOSED -
 * Not available", ...) — the summary only names the kind; {@code STATUS:CANCELLED} events
 * block nothing;</li>
 * <li>nothing personal is kept: UID, kind and dates only (Airbnb's DESCRIPTION has phone
 * digits).</li>
 * </ul>
 */
final class FeedParser {

	static {
		// Real-world feeds fold lines loosely and carry vendor properties
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
	}

	private FeedParser() {
	}

	enum Kind {

		RESERVED, NOT_AVAILABLE, OTHER

	}

	/** One event: a busy range {@code [checkIn, checkOut)}. */
	record Event(String uid, Kind kind, LocalDate checkIn, LocalDate checkOut, boolean cancelled) {
	}

	/** The feed is not iCalendar. */
	static final class UnreadableFeedException extends Exception {

		UnreadableFeedException(String message) {
			super(message);
		}

	}

	static List<Event> parse(byte[] body, ZoneId zone) throws UnreadableFeedException {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new ByteArrayInputStream(body));
		}
		catch (ParserException ex) {
			throw new UnreadableFeedException("not an iCalendar feed (line " + ex.getLineNo() + ")");
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFeedException("not an iCalendar feed");
		}
		List<Event> events = new ArrayList<>();
		for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
			Temporal start = date(event, Property.DTSTART);
			if (start == null) {
				continue;
			}
			LocalDate checkIn = localDate(start, zone);
			Temporal end = date(event, Property.DTEND);
			LocalDate checkOut;
			if (end != null) {
				checkOut = localDate(end, zone);
			}
			else {
				checkOut = durationEnd(event, start, zone).orElse(checkIn.plusDays(1));
			}
			if (!checkOut.isAfter(checkIn)) {
				checkOut = checkIn.plusDays(1);
			}
			String summary = text(event, Property.SUMMARY);
			String status = text(event, Property.STATUS);
			String uid = text(event, Property.UID);
			if (uid == null || uid.isBlank()) {
				uid = "no-uid:" + checkIn + ":" + checkOut + ":" + (summary == null ? "" : summary.hashCode());
			}
			if (uid.length() > 200) {
				uid = "sha256:" + ReceiveBooking.sha256(uid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			events.add(new Event(uid, kind(summary), checkIn, checkOut,
					status != null && status.strip().equalsIgnoreCase("CANCELLED")));
		}
		return events;
	}

	static Kind kind(@Nullable String summary) {
		if (summary == null) {
			return Kind.OTHER;
		}
		String s = summary.toLowerCase(Locale.ROOT);
		if (s.contains("not available") || s.contains("closed") || s.contains("blocked") || s.contains("unavailable")) {
			return Kind.NOT_AVAILABLE;
		}
		if (s.contains("reserved") || s.contains("booked") || s.contains("booking")) {
			return Kind.RESERVED;
		}
		return Kind.OTHER;
	}

	private static @Nullable Temporal date(VEvent event, String name) {
		Optional<Property> property = event.getProperty(name);
		if (property.isEmpty() || !(property.get() instanceof net.fortuna.ical4j.model.property.DateProperty<?> date)) {
			return null;
		}
		try {
			return date.getDate();
		}
		catch (RuntimeException ex) {
			// an unknown TZID: read the wall time as the listing's
			try {
				String value = date.getValue();
				return value.length() == 8 ? LocalDate.parse(value, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
						: LocalDateTime.parse(value.replace("Z", ""),
								java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
			}
			catch (RuntimeException unreadable) {
				return null;
			}
		}
	}

	private static Optional<LocalDate> durationEnd(VEvent event, Temporal start, ZoneId zone) {
		Optional<Property> duration = event.getProperty(Property.DURATION);
		if (duration.isEmpty()) {
			return Optional.empty();
		}
		try {
			java.time.temporal.TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration.get())
				.getDuration();
			return Optional.of(localDate(start.plus(amount), zone));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	static LocalDate localDate(Temporal temporal, ZoneId zone) {
		return switch (temporal) {
			case LocalDate date -> date;
			case LocalDateTime floating -> floating.toLocalDate();
			case ZonedDateTime zoned -> zoned.withZoneSameInstant(zone).toLocalDate();
			case OffsetDateTime offset -> offset.atZoneSameInstant(zone).toLocalDate();
			case Instant instant -> instant.atZone(zone).toLocalDate();
			default -> LocalDate.from(temporal);
		};
	}

	private static @Nullable String text(VEvent event, String name) {
		return event.getProperty(name).map(Property::getValue).orElse(null);
	}

}
