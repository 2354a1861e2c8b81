package kz.zhilyego.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * A list of IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
 * {@code 192.168.1.10}) to match client addresses against. Entries are literals only:
 * nothing is ever resolved through DNS, and an address matches only ranges of its own
 * family.
 */
public final class IpRanges {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<Range> ranges;

	private IpRanges(List<Range> ranges) {
		this.ranges = List.copyOf(ranges);
	}

	private record Range(int length, IpAddressMatcher matcher) {
	}

	/** Whether the entry is an IP address or a CIDR range with a valid prefix. */
	public static boolean isValid(String entry) {
		return parse(entry).isPresent();
	}

	/**
	 * The ranges of these entries.
	 * @throws IllegalArgumentException naming the first entry that is not an address or
	 * range
	 */
	public static IpRanges of(List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : entries) {
			ranges.add(parse(entry.strip())
				.orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + entry)));
		}
		return new IpRanges(ranges);
	}

	public boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	/** Whether the address is in one of the ranges; false for anything but a literal. */
	public boolean contains(@Nullable String address) {
		Optional<InetAddress> parsed = literal(address);
		if (parsed.isEmpty()) {
			return false;
		}
		String canonical = parsed.get().getHostAddress();
		int length = parsed.get().getAddress().length;
		return this.ranges.stream().anyMatch(r -> r.length() == length && r.matcher().matches(canonical));
	}

	private static Optional<Range> parse(String entry) {
		int slash = entry.indexOf('/');
		String address = slash < 0 ? entry : entry.substring(0, slash);
		Optional<InetAddress> parsed = literal(address);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		if (slash >= 0) {
			String bits = entry.substring(slash + 1);
			if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > parsed.get().getAddress().length * 8) {
				return Optional.empty();
			}
		}
		return Optional.of(new Range(parsed.get().getAddress().length, new IpAddressMatcher(entry)));
	}

	/**
	 * An IP literal (IPv4 dotted quad, or IPv6 with an optional zone), parsed without any
	 * DNS lookup; empty for anything else (host names, {@code unknown}, obfuscated ids).
	 */
	public static Optional<InetAddress> literal(@Nullable String text) {
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

}
