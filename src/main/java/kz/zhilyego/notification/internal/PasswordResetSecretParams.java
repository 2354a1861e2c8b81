package kz.zhilyego.notification.internal;

import java.util.Map;

import kz.zhilyego.identity.PasswordResetLinks;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.SecretParams;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code password-reset:<id>} while sending into the reset link
 * ({@code resetUrl} = {@code <public-base-url>/password/reset?token=…}), only for the
 * account that asked and while the link is still good; a used, replaced or expired
 * request resolves to nothing and the message carries no link.
 */
@Component
class PasswordResetSecretParams implements SecretParams {

	private static final String PREFIX = "password-reset:";

	private final PasswordResetLinks links;

	private final String baseUrl;

	PasswordResetSecretParams(PasswordResetLinks links, NotificationProperties properties) {
		this.links = links;
		this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	static String reference(long resetId) {
		return PREFIX + resetId;
	}

	@Override
	public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel) {
		if (!secretRef.startsWith(PREFIX)) {
			return Map.of();
		}
		long resetId;
		try {
			resetId = Long.parseLong(secretRef.substring(PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return Map.of();
		}
		return this.links.token(resetId, recipientUserId)
			.map(token -> Map.of("resetUrl", this.baseUrl + "/password/reset?token=" + token))
			.orElse(Map.of());
	}

}
