package kz.zhilyego.storage;

import java.util.Locale;

/**
 * Content types of the files we serve, by extension (keys are ours, never user file
 * names).
 */
final class ContentTypes {

	private ContentTypes() {
	}

	static String byName(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
			return "image/jpeg";
		}
		if (lower.endsWith(".png")) {
			return "image/png";
		}
		if (lower.endsWith(".webp")) {
			return "image/webp";
		}
		return "application/octet-stream";
	}

}
