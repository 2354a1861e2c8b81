package kz.zhilyego.channel;

import java.util.Map;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.SecretParams;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Adds the one-tap Telegram link ({@code telegramUrl}) to e-mails and WhatsApp messages
 * of a guest someone else booked, at send time (the token is never stored in the outbox):
 * for guest messages ({@code booking:<id>} and {@code guest:<id>} references) while the
 * guest has not linked Telegram, and only to an address the guest's account holds (the
 * link signs its holder in: the booking's e-mail or phone came from the other system and
 * may be anyone's).
 */
@Component
class GuestLinkParams implements SecretParams {

	private final ExternalGuests guests;

	GuestLinkParams(ExternalGuests guests) {
		this.guests = guests;
	}

	/** Without the address there is no knowing whose it is: no link. */
	@Override
	public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel) {
		return Map.of();
	}

	@Override
	public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel,
			@Nullable String address) {
		if ((channel != Channel.EMAIL && channel != Channel.WHATSAPP) || address == null
				|| !(secretRef.startsWith("booking:") || secretRef.startsWith("guest:"))) {
			return Map.of();
		}
		return this.guests.telegramLink(recipientUserId, channel, address)
			.map(url -> Map.of("telegramUrl", url))
			.orElse(Map.of());
	}

}
