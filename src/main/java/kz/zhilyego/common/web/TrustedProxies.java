package kz.zhilyego.common.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The reverse proxies whose headers ЖильеGO believes
 * ({@code zhilyego.web.trusted-proxies}: comma-separated IP addresses or CIDR ranges,
 * IPv4 or IPv6; empty by default, so nothing a client sends is taken on trust). Only the
 * immediate peer of the connection is checked: a header naming some other address proves
 * nothing.
 */
public class TrustedProxies {

	private final List<IpAddressMatcher> matchers;

	public TrustedProxies(@Nullable String addresses) {
		this.matchers = addresses == null ? List.of()
				: Arrays.stream(addresses.split(","))
					.map(String::strip)
					.filter(entry -> !entry.isEmpty())
					.map(IpAddressMatcher::new)
					.toList();
	}

	/** Whether a connection from {@code peer} comes from a trusted proxy. */
	public boolean trusts(@Nullable String peer) {
		if (peer == null || peer.isBlank() || this.matchers.isEmpty()) {
			return false;
		}
		for (IpAddressMatcher matcher : this.matchers) {
			try {
				if (matcher.matches(peer)) {
					return true;
				}
			}
			catch (IllegalArgumentException notAnAddress) {
				return false;
			}
		}
		return false;
	}

}
