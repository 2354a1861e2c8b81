package kz.zhilyego.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.CheckInInstructions;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.SecretParams;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code booking:<id>} at send time into the listing's access codes — only for
 * the booking's own guest while it is CONFIRMED or CHECKED_IN (the identity module logs
 * each reveal with the channel). Codes exist only in the rendered body, never in the
 * outbox.
 */
@Component
class BookingSecretParams implements SecretParams {

	private static final String PREFIX = "booking:";

	private final CheckInInstructions instructions;

	BookingSecretParams(CheckInInstructions instructions) {
		this.instructions = instructions;
	}

	static String reference(UUID bookingId) {
		return PREFIX + bookingId;
	}

	@Override
	public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel) {
		if (!secretRef.startsWith(PREFIX)) {
			return Map.of();
		}
		UUID bookingId;
		try {
			bookingId = UUID.fromString(secretRef.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return Map.of();
		}
		return this.instructions.codesForGuest(bookingId, recipientUserId, channel.name().toLowerCase())
			.map(BookingSecretParams::params)
			.orElse(Map.of());
	}

	private static Map<String, String> params(AccessCodeSet codes) {
		Map<String, String> params = new LinkedHashMap<>();
		if (codes.intercom() != null) {
			params.put("intercomCode", codes.intercom());
		}
		if (codes.flat() != null) {
			params.put("flatCode", codes.flat());
		}
		if (codes.safe() != null) {
			params.put("safeCode", codes.safe());
		}
		return params;
	}

}
