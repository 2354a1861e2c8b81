package kz.zhilyego.identity.internal;

import java.util.Locale;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff who must use 2FA but have not enrolled reach only the enrolment (the integration
 * tests run with the requirement off, so the rule itself is checked here).
 */
class MfaEnrolmentFilterTest {

	private final Problems problems;

	MfaEnrolmentFilterTest() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("twoFactor.enrolmentRequired", Locale.ENGLISH, "Set up two-factor sign-in first.");
		AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
		locales.setDefaultLocale(Locale.ENGLISH);
		this.problems = new Problems(messages, locales, JsonMapper.builder().build());
	}

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void onlyStaffWithoutTotpNeedEnrolmentAndOnlyWhenTheSettingIsOn() {
		assertThat(pending(user(Set.of(Role.REALTOR), false), true)).isTrue();
		assertThat(pending(user(Set.of(Role.SUPER_ADMIN), false), true)).isTrue();
		assertThat(pending(user(Set.of(Role.SUPERUSER), false), true)).isTrue();
		assertThat(pending(user(Set.of(Role.REALTOR), true), true)).isFalse();
		assertThat(pending(user(Set.of(Role.USER), false), true)).isFalse();
		assertThat(pending(user(Set.of(Role.REALTOR), false), false)).isFalse();
	}

	@Test
	void anUnenrolledRealtorGetsAProblemFromTheApiAndTheEnrolmentPageOnTheWeb() throws Exception {
		signIn(user(Set.of(Role.REALTOR), false));

		MockHttpServletResponse api = run(new MfaEnrolmentFilter(this.problems, true), "/api/v1/realtor/listings");
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString()).contains("/two-factor-enrolment-required")
			.contains("Set up two-factor sign-in first.");

		MockHttpServletResponse web = run(new MfaEnrolmentFilter(this.problems, false), "/realtor");
		assertThat(web.getStatus()).isEqualTo(302);
		assertThat(web.getRedirectedUrl()).isEqualTo("/account/2fa");
	}

	@Test
	void theEnrolmentItselfTheProfileAndSignOutStayReachable() throws Exception {
		signIn(user(Set.of(Role.REALTOR), false));

		for (String path : new String[] { "/api/v1/me", "/api/v1/me/2fa", "/account/2fa", "/logout", "/css/app.css" }) {
			MockFilterChain chain = new MockFilterChain();
			new MfaEnrolmentFilter(this.problems, path.startsWith("/api"))
				.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(path).isNotNull();
		}
	}

	@Test
	void enrolledStaffAndGuestsPassThrough() throws Exception {
		signIn(user(Set.of(Role.REALTOR), true));
		MockFilterChain enrolled = new MockFilterChain();
		new MfaEnrolmentFilter(this.problems, true).doFilter(
				new MockHttpServletRequest("GET", "/api/v1/realtor/listings"), new MockHttpServletResponse(), enrolled);
		assertThat(enrolled.getRequest()).isNotNull();

		SecurityContextHolder.clearContext();
		MockFilterChain anonymous = new MockFilterChain();
		new MfaEnrolmentFilter(this.problems, false).doFilter(new MockHttpServletRequest("GET", "/realtor"),
				new MockHttpServletResponse(), anonymous);
		assertThat(anonymous.getRequest()).isNotNull();
	}

	private MockHttpServletResponse run(MfaEnrolmentFilter filter, String path) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
		assertThat(chain.getRequest()).as("the request went no further").isNull();
		return response;
	}

	private static boolean pending(UserRecord user, boolean required) {
		return CurrentUserAuthentication.authorities(user, required)
			.stream()
			.anyMatch(a -> CurrentUserAuthentication.MFA_ENROLMENT_REQUIRED.equals(a.getAuthority()));
	}

	private static void signIn(UserRecord user) {
		SecurityContextHolder.getContext()
			.setAuthentication(new CurrentUserAuthentication(user.toCurrentUser(),
					CurrentUserAuthentication.authorities(user, true), "password"));
	}

	private static UserRecord user(Set<Role> roles, boolean totp) {
		return new UserRecord(7, "+77015550101", "staff@test.kz", "Staff", "{noop}x", Language.RU, true, null, null,
				null, false, totp, roles);
	}

}
