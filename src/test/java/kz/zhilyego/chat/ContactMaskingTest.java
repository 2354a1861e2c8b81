package kz.zhilyego.chat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMaskingTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# text                                             | expected                                   | masked
			Позвоните +7 701 123 45 67                         | Позвоните •••                              | true
			мой номер 87011234567, жду                         | мой номер •••, жду                         | true
			8 (701) 123-45-67                                  | •••                                        | true
			701 123 4567 после обеда                           | ••• после обеда                            | true
			+44 20 7946 0958                                   | •••                                        | true
			пишите на guest@mail.kz                            | пишите на •••                              | true
			guest (at) mail.kz                                 | •••                                        | true
			смотрите https://example.com/flat?id=1             | смотрите •••                               | true
			www.krisha.kz/a/show/123                           | •••                                        | true
			мой канал t.me/astana_flat                         | мой канал •••                              | true
			ищите меня в телеграме @astana_host                | ищите меня в телеграме •••                 | true
			заезд 12.12.2026 в 14:00, выезд 14.12              | заезд 12.12.2026 в 14:00, выезд 14.12      | false
			цена 25 000 тг за 2 ночи, 3 гостя                  | цена 25 000 тг за 2 ночи, 3 гостя          | false
			подъезд 2, этаж 9, кв. 154                         | подъезд 2, этаж 9, кв. 154                 | false
			Здравствуйте! Можно с собакой?                     | Здравствуйте! Можно с собакой?             | false
			""")
	void masksContactsAndLeavesTheRest(String text, String expected, boolean masked) {
		ContactMasking.Masked result = ContactMasking.mask(text);
		assertThat(result.text()).isEqualTo(expected);
		assertThat(result.masked()).isEqualTo(masked);
	}

}
