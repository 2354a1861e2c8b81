package kz.zhilyego.notification.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A message rendered in the recipient's language. The subject and title never contain
 * secrets; {@code secretValues} lists the codes that went into the bodies so that
 * anything that stores a rendered message can mask them.
 *
 * @param subject e-mail subject / in-app title
 * @param text plain text (e-mail text part, in-app body, WhatsApp preview)
 * @param html HTML e-mail body
 * @param telegramHtml Telegram message text for {@code parse_mode=HTML}
 * @param link the main action's URL, if any
 * @param whatsAppParams ordered body parameters of the kind's WhatsApp template
 * @param secretValues codes present in the bodies
 * @param inAppText the short text of the in-app inbox (one or two sentences written for
 * the app, with the readable booking number; no footer, no detail table)
 */
public record RenderedMessage(String subject, String text, String html, String telegramHtml, @Nullable String link,
		List<String> whatsAppParams, Set<String> secretValues, String inAppText) {

	public RenderedMessage {
		whatsAppParams = List.copyOf(whatsAppParams);
		secretValues = Set.copyOf(secretValues);
	}

	/** Replaces every code with bullets, for storing. */
	public String masked(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String result = value;
		for (String secret : this.secretValues) {
			if (!secret.isEmpty()) {
				result = result.replace(secret, "••••");
			}
		}
		return result;
	}

}
