package kz.zhilyego.channel;

import java.util.Map;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.SecretParams;
import org.springframework.stereotype.Component;

/**
 * Adds the one-tap Telegram link ({@code telegramUrl}) to e-mails and WhatsApp messages
 * of a guest someone else booked, at send time (the token is never stored in the outbox):
 * for guest messages ({@code booking:<id>} and {@code guest:<id>} references) while the
 * guest has not linked Telegram.
 */
@Component
class GuestLinkParams implements SecretParams {

	private final ExternalGuests guests;

	GuestLinkParams(ExternalGuests guests) {
		this.guests = guests;
	}

	@Override
	public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel) {
		if ((channel != Channel.EMAIL && channel != Channel.WHATSAPP)
				|| !(secretRef.startsWith("booking:") || secretRef.startsWith("guest:"))) {
			return Map.of();
		}
		return this.guests.telegramLink(recipientUserId).map(url -> Map.of("telegramUrl", url)).orElse(Map.of());
	}

}
