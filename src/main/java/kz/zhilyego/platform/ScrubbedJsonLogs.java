package kz.zhilyego.platform;

import kz.zhilyego.common.Redaction;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks what must never be logged ({@link Redaction}: e-mail addresses, full phone and
 * card numbers, bearer tokens, JWTs, API keys) in every text of the JSON logs — message,
 * exception text, stack trace — whatever a library or an exception message put there. Set
 * by {@code logging.structured.json.customizer}.
 */
public class ScrubbedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Redaction::scrub));
	}

}
