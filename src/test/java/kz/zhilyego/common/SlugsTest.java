package kz.zhilyego.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Уютная 2-комнатная квартира у Байтерека | uiutnaia-2-komnatnaia-kvartira-u-baiterek
			Сарайшық ауданы                          | saraishyq-audany
			  --Hello,   World!--                    | hello-world
			Ёлка & Щука                              | elka-shchuka
			""")
	void transliteratesAndDashes(String title, String slug) {
		assertThat(Slugs.of(title)).startsWith(slug);
	}

	@ParameterizedTest
	@CsvSource({ "'<script>alert(1)</script>'", "'../../etc/passwd'" })
	void neverKeepsUnsafeCharacters(String title) {
		assertThat(Slugs.of(title)).matches("[a-z0-9-]*");
	}

}
