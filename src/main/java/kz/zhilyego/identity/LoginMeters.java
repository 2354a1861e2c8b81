package kz.zhilyego.identity;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sign-in meters, read off the audit entries as they are written:
 * {@code zhilyego.login.failures{channel,reason}} (a wrong password or code, or an
 * attempt on a locked login) and {@code zhilyego.login.lockouts} (a login locked after
 * too many failures).
 */
final class LoginMeters {

	private final MeterRegistry registry;

	private final Counter lockouts;

	LoginMeters(MeterRegistry registry) {
		this.registry = registry;
		this.lockouts = Counter.builder("zhilyego.login.lockouts")
			.description("Logins locked after repeated failures")
			.register(registry);
		for (String channel : new String[] { "web", "api" }) {
			failures(channel, "bad-credentials");
		}
	}

	void recorded(String action, Map<String, ?> details) {
		switch (action) {
			case "login.failed" -> failures(text(details, "channel"), text(details, "reason")).increment();
			case "login.refused-locked" -> failures(text(details, "channel"), "locked").increment();
			case "login.locked" -> this.lockouts.increment();
			default -> {
			}
		}
	}

	private Counter failures(String channel, String reason) {
		return Counter.builder("zhilyego.login.failures")
			.description("Failed sign-in attempts")
			.tag("channel", channel)
			.tag("reason", reason)
			.register(this.registry);
	}

	private static String text(Map<String, ?> details, String key) {
		Object value = details.get(key);
		return value == null ? "unknown" : value.toString();
	}

}
