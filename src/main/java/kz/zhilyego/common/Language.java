package kz.zhilyego.common;

import java.util.Locale;

/** The languages ЖильеГО speaks; Russian is the default. */
public enum Language {

	RU, KK, EN;

	public static Language of(Locale locale) {
		return switch (locale.getLanguage()) {
			case "kk" -> KK;
			case "en" -> EN;
			default -> RU;
		};
	}

	public static Language ofCode(String code) {
		return of(Locale.of(code));
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Locale locale() {
		return Locale.of(code());
	}

}
