package kz.zhilyego.notification.web;

import java.time.Instant;
import java.util.List;

import kz.zhilyego.notification.internal.CapturedMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The development mail catcher page. */
@WebMvcTest(controllers = DevMailPages.class)
@ActiveProfiles("dev")
@WithMockUser
class DevMailWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CapturedMessages captured;

	@Test
	void listsCapturedMessagesNewestFirstInTheRequestLanguage() throws Exception {
		given(this.captured.latest(100))
			.willReturn(List.of(new CapturedMessages.Captured(2, "TELEGRAM", "123456", "REMINDER_CHECK_IN_DAY", "ru",
					"Сегодня заезд: Студия", "<b>Сегодня день заезда</b>", null, Instant.parse("2026-12-01T06:00:00Z")),
					new CapturedMessages.Captured(1, "EMAIL", "guest@example.kz", "BOOKING_CONFIRMED_GUEST", "ru",
							"Бронирование ZH-1 подтверждено", "Бронирование подтверждено", "<html><b>x</b></html>",
							Instant.parse("2026-12-01T05:00:00Z"))));

		String page = this.mvc.perform(get("/dev/mail").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Captured messages"), containsString("guest@example.kz"),
					containsString("Бронирование ZH-1 подтверждено"), containsString("&lt;b&gt;Сегодня день заезда"),
					not(containsString("<b>Сегодня")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page.indexOf("message-2")).isLessThan(page.indexOf("message-1"));
	}

	@Test
	void saysSoWhenNothingWasCaptured() throws Exception {
		given(this.captured.latest(100)).willReturn(List.of());

		this.mvc.perform(get("/dev/mail").header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Пока ничего не отправлялось.")));
	}

}
