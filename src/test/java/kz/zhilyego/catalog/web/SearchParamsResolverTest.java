package kz.zhilyego.catalog.web;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import kz.zhilyego.catalog.ListingSearchParams;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.web.format.DateTimeFormatters;
import org.springframework.boot.autoconfigure.web.format.WebConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search API's own binding gives what Spring's constructor binding gives: the same
 * record for good query strings, the same field errors (field, codes, rejected value) for
 * bad ones.
 */
class SearchParamsResolverTest {

	static LocalValidatorFactoryBean validator;

	static WebConversionService conversions;

	static MethodParameter parameter;

	@BeforeAll
	static void setUp() throws NoSuchMethodException {
		validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		// as spring.mvc.format.date / date-time: iso in application.yml
		conversions = new WebConversionService(new DateTimeFormatters().dateFormat("iso").dateTimeFormat("iso"));
		Method search = ListingApiController.class.getDeclaredMethod("search", ListingSearchParams.class, Locale.class);
		parameter = new MethodParameter(search, 0);
	}

	@AfterAll
	static void tearDown() {
		validator.close();
	}

	@ParameterizedTest(name = "?{0}")
	@ValueSource(strings = { "", "city=astana", "city=", "city=%3Cscript%3E", "rooms=", "rooms=2", "rooms=abc",
			"rooms=999&guests=0", "rooms=1&rooms=2", "class=comfort", "class=", "housingClass=comfort",
			"district=esil&district=nura", "district=esil,nura", "district=", "amenities=parking,kitchen",
			"amenities=parking&amenities=kitchen&amenities=Bad", "checkIn=2026-12-10&checkOut=2026-12-12",
			"checkIn=10.12.2026&checkOut=2026-12-12", "checkIn=", "minPrice=abc&maxPrice=1e3", "minPrice=%20100",
			"minRating=4.5", "minRating=7", "page=-1&size=0", "page=1&size=20", "sort=rating", "guests=1.5",
			"unknown=1&page=2" })
	void bindsAsSpringDoes(String query) throws Exception {
		Bound spring = bind(query, (request, factory) -> new ServletModelAttributeMethodProcessor(true)
			.resolveArgument(parameter, new ModelAndViewContainer(), request, factory));
		Bound ours = bind(query, (request, factory) -> new SearchParamsResolver(conversions).resolveArgument(parameter,
				new ModelAndViewContainer(), request, factory));

		assertThat(ours).isEqualTo(spring);
	}

	private interface Binding {

		@Nullable Object bind(ServletWebRequest request, ServletRequestDataBinderFactory factory) throws Exception;

	}

	/** A bound record, or the field errors as field, codes and rejected value. */
	private record Bound(@Nullable Object params, List<String> errors) {
	}

	private static Bound bind(String query, Binding binding) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/listings");
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				String[] nameValue = pair.split("=", 2);
				request.addParameter(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
			}
		}
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
		initializer.setConversionService(conversions);
		initializer.setValidator(validator);
		try {
			return new Bound(binding.bind(new ServletWebRequest(request),
					new ServletRequestDataBinderFactory(null, initializer)), List.of());
		}
		catch (MethodArgumentNotValidException ex) {
			return new Bound(null,
					ex.getBindingResult()
						.getFieldErrors()
						.stream()
						.map(SearchParamsResolverTest::describe)
						.sorted()
						.toList());
		}
	}

	private static String describe(FieldError error) {
		return error.getField() + " " + List.of(Objects.requireNonNull(error.getCodes())) + " "
				+ error.getRejectedValue();
	}

}
