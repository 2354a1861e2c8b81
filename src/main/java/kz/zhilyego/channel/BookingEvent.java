package kz.zhilyego.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A booking event as a connection sends it (docs/integrations.md, "Webhook contract"):
 *
 * <pre>{@code
 * {"event": "booking.created" | "booking.updated" | "booking.cancelled",
 *  "eventId": "optional, unique per event",
 *  "occurredAt": "optional RFC 3339 instant, orders the events of one externalId",
 *  "externalId": "the sender's booking id",
 *  "listingId": 42  |  "externalListingId": "the sender's listing id",
 *  "checkIn": "2026-12-10", "checkOut": "2026-12-13", "guests": 2,
 *  "guest": {"name": "…", "phone": "+7701…", "email": "…", "language": "ru|kk|en"}}
 * }</pre>
 *
 * A cancellation needs only {@code event} and {@code externalId}.
 */
record BookingEvent(Type type, @Nullable String eventId, @Nullable Instant occurredAt, String externalId,
		@Nullable Long listingId, @Nullable String externalListingId, @Nullable LocalDate checkIn,
		@Nullable LocalDate checkOut, int guests, @Nullable Guest guest) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Type {

		CREATED("booking.created", 0), UPDATED("booking.updated", 1), CANCELLED("booking.cancelled", 2);

		final String wire;

		/** Among events of one time, the later in a booking's life wins. */
		final int rank;

		Type(String wire, int rank) {
			this.wire = wire;
			this.rank = rank;
		}

	}

	record Guest(String name, String phone, @Nullable String email, Language language) {
	}

	static BookingEvent parse(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-event", "channel.webhook.malformed");
		}
		if (root == null || !root.isObject()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-event", "channel.webhook.malformed");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String event = text(root, "event");
		Type type = null;
		for (Type candidate : Type.values()) {
			if (candidate.wire.equals(event)) {
				type = candidate;
			}
		}
		if (type == null) {
			errors.put("event", "channel.webhook.event");
		}
		String externalId = text(root, "externalId");
		if (externalId == null || externalId.isBlank() || externalId.length() > 200) {
			errors.put("externalId", "channel.webhook.externalId");
		}
		String eventId = text(root, "eventId");
		if (eventId != null && (eventId.isBlank() || eventId.length() > 200)) {
			errors.put("eventId", "channel.webhook.eventId");
		}
		Instant occurredAt = null;
		String occurred = text(root, "occurredAt");
		if (occurred != null) {
			try {
				occurredAt = java.time.OffsetDateTime.parse(occurred).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.put("occurredAt", "channel.webhook.occurredAt");
			}
		}
		Long listingId = null;
		JsonNode listing = root.get("listingId");
		if (listing != null && !listing.isNull()) {
			if (listing.isIntegralNumber() && listing.asLong() > 0) {
				listingId = listing.asLong();
			}
			else {
				errors.put("listingId", "channel.webhook.listingId");
			}
		}
		String externalListingId = text(root, "externalListingId");
		LocalDate checkIn = date(root, "checkIn", errors);
		LocalDate checkOut = date(root, "checkOut", errors);
		int guests = 1;
		JsonNode guestsNode = root.get("guests");
		if (guestsNode != null && !guestsNode.isNull()) {
			if (guestsNode.isIntegralNumber() && guestsNode.asInt() >= 1 && guestsNode.asInt() <= 100) {
				guests = guestsNode.asInt();
			}
			else {
				errors.put("guests", "channel.webhook.guests");
			}
		}
		Guest guest = null;
		if (type != Type.CANCELLED) {
			if (listingId == null && (externalListingId == null || externalListingId.isBlank())) {
				errors.putIfAbsent("listingId", "channel.webhook.listing");
			}
			if (checkIn == null) {
				errors.putIfAbsent("checkIn", "stay.checkIn.required");
			}
			if (checkOut == null) {
				errors.putIfAbsent("checkOut", "stay.checkOut.required");
			}
			if (checkIn != null && checkOut != null && !checkOut.isAfter(checkIn)) {
				errors.put("checkOut", "stay.checkOut.afterCheckIn");
			}
			JsonNode guestNode = root.get("guest");
			String name = guestNode == null ? null : text(guestNode, "name");
			String phone = guestNode == null ? null : text(guestNode, "phone");
			String email = guestNode == null ? null : text(guestNode, "email");
			String language = guestNode == null ? null : text(guestNode, "language");
			if (name == null || name.isBlank() || name.length() > 200) {
				errors.put("guest.name", "channel.webhook.guestName");
			}
			if (phone == null || phone.isBlank()) {
				errors.put("guest.phone", "channel.webhook.guestPhone");
			}
			if (email != null && (email.length() > 320 || !email.contains("@"))) {
				errors.put("guest.email", "channel.webhook.guestEmail");
			}
			if (errors.isEmpty()) {
				guest = new Guest(name.strip(), phone.strip(), email == null || email.isBlank() ? null : email.strip(),
						language == null ? Language.RU : Language.ofCode(language));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
		}
		return new BookingEvent(type, eventId, occurredAt, externalId.strip(), listingId,
				externalListingId == null ? null : externalListingId.strip(), checkIn, checkOut, guests, guest);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}

	private static @Nullable LocalDate date(JsonNode root, String field, Map<String, String> errors) {
		String value = text(root, field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "channel.webhook.date");
			return null;
		}
	}

}
