package kz.zhilyego.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerErrorReportsTest {

	@Test
	void theLanguageChosenOnTheSiteComesFirst() {
		assertThat(ContainerErrorReports.language("kk", "ru-RU,ru")).isEqualTo(Locale.of("kk"));
		assertThat(ContainerErrorReports.language("en-US", null)).isEqualTo(Locale.of("en"));
		assertThat(ContainerErrorReports.language("xx", "kk")).isEqualTo(Locale.of("kk"));
	}

	@Test
	void theVisitorsMostPreferredLanguageOfTheSiteElseRussian() {
		assertThat(ContainerErrorReports.language(null, "kk-KZ,kk;q=0.9,ru;q=0.8")).isEqualTo(Locale.of("kk"));
		assertThat(ContainerErrorReports.language(null, "de, en;q=0.5, kk;q=0.8")).isEqualTo(Locale.of("kk"));
		assertThat(ContainerErrorReports.language(null, "en-GB")).isEqualTo(Locale.of("en"));
		for (String other : new String[] { null, "", "de-DE", "*", "en;q=0", "<script>", ";;;,,,", "i-default" }) {
			assertThat(ContainerErrorReports.language(null, other)).as(String.valueOf(other))
				.isEqualTo(Locale.of("ru"));
		}
	}

}
