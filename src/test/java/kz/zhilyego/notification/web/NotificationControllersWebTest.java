package kz.zhilyego.notification.web;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.DeadMessage;
import kz.zhilyego.notification.DeadMessages;
import kz.zhilyego.notification.InAppInbox;
import kz.zhilyego.notification.InAppNotification;
import kz.zhilyego.notification.InAppNotifications;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notification endpoints with a {@link CurrentUser} principal, services mocked. */
@WebMvcTest(controllers = { MyNotificationsApiController.class, NotificationSettingsApiController.class,
		DeadNotificationsApiController.class })
@ActiveProfiles("test")
class NotificationControllersWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InAppNotifications inbox;

	@MockitoBean
	NotificationSettings settings;

	@MockitoBean
	DeadMessages dead;

	static RequestPostProcessor as(long id, Role... roles) {
		CurrentUser user = new CurrentUser(id, "User " + id, Set.of(roles), null, Language.RU);
		List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
	}

	@Test
	void listsTheCallersInboxNewestFirstWithTheUnreadCount() throws Exception {
		Instant now = Instant.parse("2026-12-01T05:00:00Z");
		given(this.inbox.list(7L, 50)).willReturn(new InAppInbox(1,
				List.of(new InAppNotification(12, NotificationKind.BOOKING_CONFIRMED_GUEST, "Подтверждено", "Текст",
						"http://localhost/b/1", null, now),
						new InAppNotification(11, NotificationKind.REVIEW_REQUEST, "Отзыв", "Текст", null, now, now))));

		this.mvc.perform(get("/api/v1/me/notifications").with(as(7, Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unreadCount").value(1))
			.andExpect(jsonPath("$.items[0].id").value(12))
			.andExpect(jsonPath("$.items[0].kind").value("BOOKING_CONFIRMED_GUEST"))
			.andExpect(jsonPath("$.items[0].read").value(false))
			.andExpect(jsonPath("$.items[1].read").value(true));
	}

	@Test
	void marksOneOrAllReadForTheCallerOnly() throws Exception {
		this.mvc.perform(post("/api/v1/me/notifications/12/read").with(as(7, Role.USER)).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/me/notifications/read-all").with(as(7, Role.USER)).with(csrf()))
			.andExpect(status().isNoContent());

		then(this.inbox).should().markRead(7L, 12L);
		then(this.inbox).should().markAllRead(7L);
	}

	@Test
	void anotherUsersNotificationIsA404Problem() throws Exception {
		willThrow(ProblemException.notFound("notification.inApp.notFound")).given(this.inbox).markRead(7L, 99L);

		this.mvc
			.perform(post("/api/v1/me/notifications/99/read").with(as(7, Role.USER))
				.with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Notification not found."));
	}

	@Test
	void settingsAreAKindByChannelMatrixAndPutChangesOnlyTheGivenSwitches() throws Exception {
		Map<NotificationKind, Map<Channel, Boolean>> matrix = new EnumMap<>(NotificationKind.class);
		matrix.put(NotificationKind.REVIEW_REQUEST, Map.of(Channel.EMAIL, false, Channel.TELEGRAM, true));
		given(this.settings.matrix(7L)).willReturn(matrix);
		given(this.settings.update(eq(7L), any())).willReturn(matrix);

		this.mvc.perform(get("/api/v1/me/notification-settings").with(as(7, Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.REVIEW_REQUEST.EMAIL").value(false));
		this.mvc
			.perform(put("/api/v1/me/notification-settings").with(as(7, Role.USER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"REVIEW_REQUEST\": {\"EMAIL\": false}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.REVIEW_REQUEST.TELEGRAM").value(true));

		then(this.settings).should().update(7L, Map.of(NotificationKind.REVIEW_REQUEST, Map.of(Channel.EMAIL, false)));
	}

	@Test
	void unknownKindsAndChannelsAreFieldErrors() throws Exception {
		this.mvc
			.perform(put("/api/v1/me/notification-settings").with(as(7, Role.USER))
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"REVIEW_REQUEST\": {\"PIGEON\": true}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors['REVIEW_REQUEST.PIGEON']").value("Unknown channel."));
		this.mvc
			.perform(put("/api/v1/me/notification-settings").with(as(7, Role.USER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"NOPE\": {}}"))
			.andExpect(status().isBadRequest());
		then(this.settings).should(never()).update(anyLong(), any());
	}

	@Test
	void onlyTheSuperuserSeesAndRetriesDeadMessages() throws Exception {
		given(this.dead.list(0, 50))
			.willReturn(new PageResult<>(1, 0, 50, List.of(new DeadMessage(5, NotificationKind.BOOKING_CONFIRMED_GUEST,
					Channel.TELEGRAM, 7L, "123", 8, "Telegram 500", Instant.parse("2026-12-01T05:00:00Z")))));

		this.mvc.perform(get("/api/v1/admin/notifications/dead").with(as(1, Role.SUPERUSER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].lastError").value("Telegram 500"));
		this.mvc.perform(post("/api/v1/admin/notifications/5/retry").with(as(1, Role.SUPERUSER)).with(csrf()))
			.andExpect(status().isAccepted());
		then(this.dead).should().retry(5L);

		this.mvc.perform(get("/api/v1/admin/notifications/dead").with(as(2, Role.REALTOR, Role.SUPER_ADMIN)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/admin/notifications/5/retry").with(as(3, Role.USER)).with(csrf()))
			.andExpect(status().isForbidden());
		then(this.dead).should(never()).retry(eq(6L));
	}

}
