package kz.zhilyego.common.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.common.IpRanges;
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

	/** An IP literal, never resolved ({@link IpRanges#literal}). */
	static Optional<InetAddress> literal(@Nullable String text) {
		return IpRanges.literal(text);
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
