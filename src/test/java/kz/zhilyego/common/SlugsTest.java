package kz.zhilyego.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
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

	@Test
	void spellsEveryRussianAndKazakhLetter() {
		String letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
		String[] latin = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
				"s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "a", "g", "q", "n",
				"o", "u", "u", "h", "i" };
		assertThat(latin).hasSize(letters.length());
		for (int i = 0; i < letters.length(); i++) {
			String letter = String.valueOf(letters.charAt(i));
			assertThat(Slugs.of(letter)).as(letter).isEqualTo(latin[i]);
			assertThat(Slugs.of(letter.toUpperCase(Locale.ROOT))).as(letter).isEqualTo(latin[i]);
		}
		assertThat(Slugs.of("Ѐ Ӿ ḁ")).as("other letters of the Cyrillic block and beyond").isEmpty();
	}

	@Test
	void sameSlugsAsTheFormerRegularExpressions() {
		Random random = new Random(20261202L);
		String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБЪЬЁЩabcxyzXYZ0189 -–—_.,!?&/\\'\"«»\t";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(90); i > 0; i--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(Slugs.of(text.toString())).as("%s", text).isEqualTo(formerOf(text.toString()));
		}
	}

	/** The implementation before issue 19, with regular expressions. */
	private static String formerOf(String text) {
		String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder();
		for (char ch : lower.toCharArray()) {
			String latin = Slugs.of(String.valueOf(ch));
			if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || !latin.isEmpty() || "ъь".indexOf(ch) >= 0) {
				out.append(latin);
			}
			else {
				out.append('-');
			}
		}
		String slug = out.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-$", "");
		}
		return slug;
	}

	@ParameterizedTest
	@CsvSource({ "'<script>alert(1)</script>'", "'../../etc/passwd'" })
	void neverKeepsUnsafeCharacters(String title) {
		assertThat(Slugs.of(title)).matches("[a-z0-9-]*");
	}

}
