package kz.zhilyego.catalog;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SearchValidationIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@ParameterizedTest(name = "{0} -> error on {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					checkIn=2026-12-10&checkOut=2026-12-09 | checkOut | Дата выезда должна быть позже даты заезда.
					checkIn=2026-12-10&checkOut=2026-12-10 | checkOut | Дата выезда должна быть позже даты заезда.
					checkIn=2026-12-10                     | checkOut | Укажите дату выезда.
					checkOut=2026-12-10                    | checkIn  | Укажите дату заезда.
					checkIn=2026-12-10&checkOut=2027-06-10 | checkOut | Максимальный срок проживания — 90 ночей.
					checkIn=2025-01-01&checkOut=2025-01-03 | checkIn  | Дата заезда не может быть в прошлом.
					checkIn=9999-01-01&checkOut=9999-01-03 | checkIn  | Даты можно выбирать не дальше чем на 730 дней вперёд.
					checkIn=10.12.2026&checkOut=2026-12-12 | checkIn  | Неверный формат значения.
					size=101                               | size     | Размер страницы не может превышать 100.
					size=0                                 | size     | Значение должно быть не меньше 1.
					page=-1                                | page     | Значение должно быть не меньше 0.
					rooms=abc                              | rooms    | Неверный формат значения.
					rooms=999                              | rooms    | Значение должно быть не больше 50.
					minPrice=50000&maxPrice=1000           | maxPrice | Максимальная цена должна быть не меньше минимальной.
					minRating=7                            | minRating| Значение должно быть не больше 5.
					sort=cheapest                          | sort     | Неизвестная сортировка. Допустимо: price_asc, price_desc, rating, newest.
					guests=0                               | guests   | Значение должно быть не меньше 1.
					city=%3Cscript%3E                      | city     | Недопустимое значение.
					""")
	void badParametersGiveA400ProblemWithFieldErrors(String query, String field, String message) {
		Api.Response response = this.api.get("/api/v1/listings?" + query);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://zhilyego.kz/problems/validation");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").get(field).asString()).isEqualTo(message);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at kz.");
	}

	@Test
	void theSearchApiBindsItsQueryWithoutSpringsConstructorBinding(@Autowired RequestMappingHandlerAdapter adapter) {
		// the resolver that reads the record's parameters once (issue 19), ahead of
		// Spring's catch-all model attribute binding
		assertThat(adapter.getArgumentResolvers()).extracting(resolver -> resolver.getClass().getSimpleName())
			.containsSubsequence("SearchParamsResolver", "ServletModelAttributeMethodProcessor");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			en | The check-out date must be after the check-in date. | Validation failed
			kk | Шығу күні кіру күнінен кейін болуы керек.            | Деректерді тексеру қатесі
			ru | Дата выезда должна быть позже даты заезда.           | Ошибка проверки данных
			de | Дата выезда должна быть позже даты заезда.           | Ошибка проверки данных
			""")
	void messagesFollowAcceptLanguageWithRussianByDefault(String language, String message, String title) {
		Api.Response response = this.api.get("/api/v1/listings?checkIn=2026-12-10&checkOut=2026-12-01",
				"Accept-Language", language);

		assertThat(response.json().get("errors").get("checkOut").asString()).isEqualTo(message);
		assertThat(response.json().get("title").asString()).isEqualTo(title);
	}

}
