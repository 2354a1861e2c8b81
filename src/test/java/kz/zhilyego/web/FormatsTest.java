package kz.zhilyego.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

	private final Formats formats = new Formats(messages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void nightsTakeTheRussianPluralFormsAndTheKazakhNounStaysSingular() {
		LocaleContextHolder.setLocale(Locale.of("ru"));
		assertThat(this.formats.nights(1)).isEqualTo("1 ночь");
		assertThat(this.formats.nights(3)).isEqualTo("3 ночи");
		assertThat(this.formats.nights(5)).isEqualTo("5 ночей");
		assertThat(this.formats.nights(11)).isEqualTo("11 ночей");
		assertThat(this.formats.nights(21)).isEqualTo("21 ночь");
		assertThat(this.formats.nights(22)).isEqualTo("22 ночи");
		LocaleContextHolder.setLocale(Locale.of("kk"));
		assertThat(this.formats.nights(3)).isEqualTo("3 түн");
		LocaleContextHolder.setLocale(Locale.of("en"));
		assertThat(this.formats.nights(1)).isEqualTo("1 night");
		assertThat(this.formats.nights(2)).isEqualTo("2 nights");
	}

	@Test
	void coordinatesCannotBeMisreadInAnyLanguage() {
		BigDecimal lat = new BigDecimal("51.128207");
		BigDecimal lon = new BigDecimal("71.43041");
		LocaleContextHolder.setLocale(Locale.of("ru"));
		assertThat(this.formats.coordinates(lat, lon)).isEqualTo("51.128207°\u00a0с. ш., 71.430410°\u00a0в. д.");
		LocaleContextHolder.setLocale(Locale.of("kk"));
		assertThat(this.formats.coordinates(lat, lon)).isEqualTo("51.128207°\u00a0с. е., 71.430410°\u00a0ш. б.");
		LocaleContextHolder.setLocale(Locale.of("en"));
		assertThat(this.formats.coordinates(lat, lon.negate())).isEqualTo("51.128207°\u00a0N, 71.430410°\u00a0W");
	}

	@Test
	void replyTimesAreRoundedUp() {
		LocaleContextHolder.setLocale(Locale.of("ru"));
		assertThat(this.formats.replyTime(Duration.ofMinutes(20))).isEqualTo("Отвечает на отзывы в течение часа");
		assertThat(this.formats.replyTime(Duration.ofMinutes(121))).isEqualTo("Отвечает на отзывы в течение 3 ч");
		assertThat(this.formats.replyTime(Duration.ofHours(30))).isEqualTo("Отвечает на отзывы в течение 2 дн.");
		assertThat(this.formats.replyTime(null)).isEqualTo("Пока не отвечал на отзывы");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/web");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
