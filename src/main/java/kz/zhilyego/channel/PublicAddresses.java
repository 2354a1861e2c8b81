package kz.zhilyego.channel;

import java.net.InetAddress;

/**
 * Whether an address is a public unicast one that the server may fetch a feed from: an
 * allow-list (IPv4 outside the special-purpose ranges of RFC 6890, IPv6 global unicast
 * {@code 2000::/3}) rather than a list of the ranges known to be internal, which misses
 * carrier-grade NAT ({@code 100.64.0.0/10}, where some clouds keep their metadata
 * service), benchmarking, reserved and broadcast addresses, and IPv6 forms that carry an
 * IPv4 address inside (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo,
 * IPv4-compatible {@code ::a.b.c.d}).
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 4 ? isPublicV4(bytes) : isPublicV6(bytes);
	}

	private static boolean isPublicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 // "this network"
				|| a0 == 10 // private
				|| (a0 == 100 && (a1 & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
				|| a0 == 127 // loopback
				|| (a0 == 169 && a1 == 254) // link-local, cloud metadata
				|| (a0 == 172 && (a1 & 0xf0) == 16) // private
				|| (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol,
																	// TEST-NET-1
				|| (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
				|| (a0 == 192 && a1 == 168) // private
				|| (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18.0.0/15
				|| (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
				|| (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
				|| a0 >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicV6(byte[] b) {
		int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
		int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
		if ((first & 0xe000) != 0x2000) {
			// outside global unicast 2000::/3: loopback, unspecified, IPv4-compatible and
			// -mapped, NAT64 64:ff9b::/96, unique local, link-local, multicast
			return false;
		}
		return !(first == 0x2002 // 6to4: an IPv4 address inside
				|| (first == 0x2001 && second == 0x0000) // Teredo: an IPv4 address inside
				|| (first == 0x2001 && second == 0x0db8)); // documentation
	}

}
