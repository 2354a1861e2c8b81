package kz.zhilyego.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson 2 mapper of TelegramBots' types (the library is on Jackson 2; the app's own
 * JSON is Jackson 3 — never mix the two in one API). Unknown fields of newer Bot API
 * versions are ignored.
 */
final class BotJson {

	static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private BotJson() {
	}

}
