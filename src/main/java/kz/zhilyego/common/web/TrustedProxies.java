package kz.zhilyego.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The reverse proxies whose forwarded headers are believed
 * ({@code zhilyego.web.trusted-proxies}): IP addresses or CIDR ranges, IPv4 or IPv6. None
 * by default: then every {@code Forwarded} / {@code X-Forwarded-*} header is dropped and
 * the client is the TCP peer. Host names are refused (a proxy list must not depend on
 * DNS).
 */
@ConfigurationProperties("zhilyego.web")
public record TrustedProxies(@DefaultValue List<String> trustedProxies) {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	public TrustedProxies {
		trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** The configured entries as matchers; refuses anything but addresses and ranges. */
	Matchers matchers() {
		List<Matcher> matchers = new ArrayList<>();
		for (String entry : this.trustedProxies) {
			int slash = entry.indexOf('/');
			String address = slash < 0 ? entry : entry.substring(0, slash);
			InetAddress parsed = literal(address).orElseThrow(() -> new IllegalStateException(
					"zhilyego.web.trusted-proxies: '" + entry + "' is not an IP address or CIDR range"));
			if (slash >= 0) {
				String bits = entry.substring(slash + 1);
				if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > parsed.getAddress().length * 8) {
					throw new IllegalStateException(
							"zhilyego.web.trusted-proxies: '" + entry + "' has an invalid prefix length");
				}
			}
			matchers.add(new Matcher(parsed.getAddress().length, new IpAddressMatcher(entry)));
		}
		return new Matchers(List.copyOf(matchers));
	}

	/**
	 * An IP literal (IPv4 dotted quad, or IPv6 with an optional zone), parsed without any
	 * DNS lookup; empty for anything else (host names, {@code unknown}, obfuscated ids).
	 */
	static Optional<InetAddress> literal(@Nullable String text) {
		if (text == null || text.isEmpty() || text.length() > 64) {
			return Optional.empty();
		}
		String address = text;
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
			return Optional.empty();
		}
		try {
			// a dotted quad or a text with a colon is parsed as a literal, never resolved
			return Optional.of(InetAddress.getByName(address));
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	record Matcher(int length, IpAddressMatcher matcher) {
	}

	/** Whether an address belongs to a trusted proxy. */
	record Matchers(List<Matcher> list) {

		boolean isEmpty() {
			return this.list.isEmpty();
		}

		boolean trusts(@Nullable String address) {
			if (this.list.isEmpty()) {
				return false;
			}
			Optional<InetAddress> parsed = literal(address);
			if (parsed.isEmpty()) {
				return false;
			}
			String canonical = parsed.get().getHostAddress();
			int length = parsed.get().getAddress().length;
			// compare only within one family: a range's bytes say nothing about the other
			return this.list.stream().anyMatch(m -> m.length() == length && m.matcher().matches(canonical));
		}

	}

}
