package kz.zhilyego.storage;

import java.util.regex.Pattern;

/** Validates storage keys: relative, no {@code ..}, only safe characters. */
final class StorageKeys {

	private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");

	private StorageKeys() {
	}

	static boolean isValid(String key) {
		if (key.isEmpty() || key.length() > 512) {
			return false;
		}
		for (String segment : key.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
				return false;
			}
		}
		return true;
	}

	static String require(String key) {
		if (!isValid(key)) {
			throw new IllegalArgumentException("Invalid storage key");
		}
		return key;
	}

}
