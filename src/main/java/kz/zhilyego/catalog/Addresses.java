package kz.zhilyego.catalog;

import org.jspecify.annotations.Nullable;

/** The one-line public address: street, house and block (never the flat or codes). */
final class Addresses {

	private Addresses() {
	}

	static String format(String street, String house, @Nullable String block) {
		String address = street + ", " + house;
		return (block == null || block.isBlank()) ? address : address + ", " + block;
	}

}
