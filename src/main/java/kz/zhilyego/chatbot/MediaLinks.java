package kz.zhilyego.chatbot;

import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses of site pages and photos for messages: under the bot's public base
 * URL when set, else the site's public base URL (notifications).
 */
@Component
public class MediaLinks {

	private final String base;

	MediaLinks(TelegramProperties telegram, NotificationProperties notifications) {
		this.base = telegram.publicBaseUrl().isEmpty() ? notifications.publicBaseUrl() : telegram.publicBaseUrl();
	}

	public String absolute(String path) {
		if (path.startsWith("http://") || path.startsWith("https://")) {
			return path;
		}
		return this.base + (path.startsWith("/") ? path : "/" + path);
	}

}
