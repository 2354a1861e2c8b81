package kz.zhilyego.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoModerationTest {

	@Test
	void ordinaryReviewsInEveryLanguagePass() {
		assertThat(AutoModeration.flags("Уютная квартира, чисто, хозяин встретил вовремя. Рекомендую!")).isFalse();
		assertThat(AutoModeration.flags("Пәтер өте таза әрі жылы, бәрі ұнады.")).isFalse();
		assertThat(AutoModeration.flags("Great flat near Baiterek, 10/10, stayed 3 nights in 2026.")).isFalse();
		assertThat(AutoModeration.flags("Застрахуем себя от сюрпризов: заезд с 14:00 до 12:00, ул. Кенесары 1"))
			.isFalse();
		assertThat(AutoModeration.flags(null)).isFalse();
		assertThat(AutoModeration.flags("   ")).isFalse();
	}

	@Test
	void profanityIsFlaggedDespiteCaseLookAlikeLettersAndStretching() {
		assertThat(AutoModeration.flags("Это просто БЛЯДСТВО какое-то")).isTrue();
		assertThat(AutoModeration.flags("хозяин мудaк")).isTrue();
		assertThat(AutoModeration.flags("сууука, холодно")).isTrue();
		assertThat(AutoModeration.flags("What a shitty place")).isTrue();
		assertThat(AutoModeration.flags("Fuuuck this")).isTrue();
		assertThat(AutoModeration.flags("қотақ")).isTrue();
	}

	@Test
	void linksContactsAndFloodingAreFlaggedAsSpam() {
		assertThat(AutoModeration.flags("Дешевле тут: https://example.com/flat")).isTrue();
		assertThat(AutoModeration.flags("смотрите www.cheap-flats.kz")).isTrue();
		assertThat(AutoModeration.flags("пишите в t.me/cheapflats")).isTrue();
		assertThat(AutoModeration.flags("звоните +7 701 123 45 67")).isTrue();
		assertThat(AutoModeration.flags("mail me: deals@example.com")).isTrue();
		assertThat(AutoModeration.flags("инста @cheap_flats_kz")).isTrue();
		assertThat(AutoModeration.flags("!!!!!!!!!!!!!!!!")).isTrue();
	}

}
