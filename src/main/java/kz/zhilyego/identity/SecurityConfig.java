package kz.zhilyego.identity;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.identity.internal.ApiKeyFilter;
import kz.zhilyego.identity.internal.ApiKeys;
import kz.zhilyego.identity.internal.CurrentUserRememberMeServices;
import kz.zhilyego.identity.internal.IdentityProperties;
import kz.zhilyego.identity.internal.JwtProperties;
import kz.zhilyego.identity.internal.JwtUserConverter;
import kz.zhilyego.identity.internal.KnownPaths;
import kz.zhilyego.identity.internal.MfaEnrolmentFilter;
import kz.zhilyego.identity.internal.DeviceTokens;
import kz.zhilyego.identity.internal.ManagementProperties;
import kz.zhilyego.identity.internal.MetricsTokenFilter;
import kz.zhilyego.identity.internal.PasswordAuthenticationProvider;
import kz.zhilyego.identity.internal.PasswordAuthenticationProvider.LoginDetails;
import kz.zhilyego.identity.internal.PasswordLogin;
import kz.zhilyego.identity.internal.SessionOrCookieCsrfTokenRepository;
import kz.zhilyego.identity.internal.PasswordAuthenticationProvider.LoginRefusedException;
import kz.zhilyego.identity.internal.Problems;
import kz.zhilyego.identity.internal.RateLimitFilter;
import kz.zhilyego.identity.internal.RateLimits;
import kz.zhilyego.identity.internal.Users;
import kz.zhilyego.settings.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.util.StringUtils;

/**
 * Two filter chains. API ({@code /api/**}, actuator, API docs, media): stateless, no
 * CSRF, JWT bearer or {@code X-Api-Key}, problem details on 401/403; metrics for the
 * scraper's token and superusers only. Web (everything else): CSRF (a cookie for
 * visitors, the session once signed in — an anonymous visitor gets no session), form
 * login (e-mail or phone, device cookie), remember-me, logout. Both rate-limit and hold
 * staff who must enrol in 2FA at the enrolment. Finer rules live in the services through
 * the access scope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String[] PUBLIC_WEB = { "/", "/search", "/login", "/login/telegram", "/register",
			"/sitemap.xml", "/robots.txt", "/manifest.webmanifest", "/manifest-*.webmanifest", "/css/**", "/js/**",
			"/img/**", "/webjars/**", "/favicon.ico", "/error", "/payments/sandbox/**", "/sitemap-*.xml", "/listings/*",
			"/listings/*/price", "/listings/*/reviews", "/password/forgot", "/password/reset", "/ical/*", "/feedback/*",
			"/feedback/*/comment" };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Problems problems, Users users, ApiKeys apiKeys,
			RateLimits limits, IdentityProperties properties, KnownPaths known, ManagementProperties management,
			Settings settings, JwtDecoder jwtDecoder) throws Exception {
		// staff 2FA is a platform setting: read on every authentication (cached briefly)
		BooleanSupplier twoFactor = () -> settings.current().staffTwoFactorRequired();
		// bearer tokens on a manager of their own, without the shared one's event
		// publisher: nothing listens to an authentication event per API request, and
		// publishing one cost ~2 % of a hold's CPU (docs/benchmarks.md)
		JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
		jwt.setJwtAuthenticationConverter(new JwtUserConverter(users, twoFactor));
		AuthenticationManager bearerTokens = new ProviderManager(jwt);
		// Signed out on a path no controller serves: a 404 problem, as a signed-in caller
		// gets (access is still denied; only the answer differs).
		AuthenticationEntryPoint apiEntryPoint = (request, response, ex) -> {
			if (known.hasHandler(request)) {
				unauthorized(problems, request, response);
			}
			else {
				problems.write(request, response, HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
			}
		};
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
				"/swagger-ui.html", "/media/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless: no saved request to replay, no /logout under these paths
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.GET, "/api/v1/listings", "/api/v1/listings/**")
				.permitAll()
				// HEAD is GET without the body (MVC serves it from the same handler)
				.requestMatchers(HttpMethod.HEAD, "/api/v1/listings", "/api/v1/listings/**")
				.permitAll()
				.requestMatchers("/api/v1/auth/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/**")
				.permitAll()
				// booking webhooks of connections: the HMAC signature is the
				// authentication
				.requestMatchers(HttpMethod.POST, "/api/v1/integrations/*/bookings")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				// metrics: the scraper's token (ROLE_METRICS) or a superuser; never
				// anyone else
				.requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
				.hasAnyRole(MetricsTokenFilter.ROLE, "SUPERUSER")
				.requestMatchers("/actuator/**")
				.hasRole("SUPERUSER")
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/media/**")
				.permitAll()
				.requestMatchers("/api/v1/admin/**")
				.hasRole("SUPERUSER")
				.requestMatchers("/api/v1/agency/**")
				.hasRole("SUPER_ADMIN")
				.requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
				.hasAnyRole("REALTOR", "SUPER_ADMIN", "SUPERUSER")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(o -> o.jwt(j -> j.authenticationManager(bearerTokens))
				.bearerTokenResolver(MetricsTokenFilter.bearerTokenResolver())
				.authenticationEntryPoint(apiEntryPoint)
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"forbidden", "problem.forbidden")))
			.addFilterBefore(new ApiKeyFilter(apiKeys, problems, twoFactor), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new MetricsTokenFilter(management), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(limits, problems, false), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new MfaEnrolmentFilter(problems, true), AuthorizationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint)
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"forbidden", "problem.forbidden")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, Problems problems, Users users, RateLimits limits,
			IdentityProperties properties, JwtProperties jwt, PasswordLogin passwordLogin, DeviceTokens devices,
			RequestCache requestCache, Environment environment, KnownPaths known, Settings settings) throws Exception {
		BooleanSupplier twoFactor = () -> settings.current().staffTwoFactorRequired();
		boolean dev = environment.acceptsProfiles(Profiles.of("dev"));
		String rememberMeKey = StringUtils.hasText(properties.rememberMeKey()) ? properties.rememberMeKey()
				: "remember-me:" + jwt.secret();
		CurrentUserRememberMeServices rememberMe = new CurrentUserRememberMeServices(rememberMeKey, users, twoFactor);
		rememberMe.setTokenValiditySeconds((int) properties.rememberMe().toSeconds());
		rememberMe.setParameter("remember-me");
		SavedRequestAwareAuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		savedRequest.setRequestCache(requestCache);
		savedRequest.setDefaultTargetUrl("/");
		// the only provider of the form: counted once per attempt (see the provider)
		http.authenticationProvider(new PasswordAuthenticationProvider(passwordLogin, properties, twoFactor))
			// The sandbox payment provider stands in for an outside payment page that
			// scripts and
			// tests drive too; it exists only while the sandbox is the active provider.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/payments/sandbox/**"))
			// no session for visitors: their CSRF token is a cookie until they sign in
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository()))
			// nor for the page that asked for sign-in
			.requestCache(cache -> cache.requestCache(requestCache))
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_WEB)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/invitations/*")
				.permitAll()
				.requestMatchers("/dev/**")
				.access((authentication,
						context) -> new org.springframework.security.authorization.AuthorizationDecision(dev))
				.requestMatchers("/admin", "/admin/**")
				.hasRole("SUPERUSER")
				.requestMatchers("/account/**", "/realtor/**", "/agency/**", "/me/**", "/bookings/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/{city:[a-z0-9-]+}/{district:[a-z0-9-]+}/{slug:[a-z0-9-]+}")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/{city:[a-z0-9-]+}/{district:[a-z0-9-]+}/{slug:[a-z0-9-]+}")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.authenticationDetailsSource(LoginDetails::new)
				.failureHandler(SecurityConfig::loginFailed)
				.successHandler((request, response, authentication) -> {
					// a browser that signed in with the password is a known device from
					// now
					if (authentication.getPrincipal() instanceof CurrentUser user) {
						devices.setCookie(user.id(), request, response);
					}
					savedRequest.onAuthenticationSuccess(request, response, authentication);
				})
				.permitAll())
			// Deny by default stays; but a signed-out visitor of a URL that no controller
			// serves gets the styled 404 page (error dispatch to /error) instead of a
			// sign-in redirect. Real protected pages still redirect to /login.
			.exceptionHandling(
					e -> e.authenticationEntryPoint(notFoundOr(known, new LoginUrlAuthenticationEntryPoint("/login"))))
			.rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMeKey))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/").deleteCookies("remember-me"))
			.addFilterBefore(new RateLimitFilter(limits, problems, true), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new MfaEnrolmentFilter(problems, false), RememberMeAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The page a signed-out visitor asked for, kept in a cookie (not in a session) so
	 * that sign-in can return there: only GETs of pages that exist, never htmx fragments.
	 */
	@Bean
	RequestCache webRequestCache(KnownPaths known) {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
				&& request.getHeader("HX-Request") == null && known.hasHandler(request));
		cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

	private static AuthenticationEntryPoint notFoundOr(KnownPaths known, AuthenticationEntryPoint login) {
		return (request, response, ex) -> {
			if (known.hasHandler(request)) {
				login.commence(request, response, ex);
			}
			else {
				response.sendError(HttpStatus.NOT_FOUND.value());
			}
		};
	}

	private static void unauthorized(Problems problems, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
	}

	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String reason = ex instanceof LoginRefusedException refused ? switch (refused.reason()) {
			case LOCKED -> "locked";
			case BLOCKED -> "blocked";
			case TOTP_REQUIRED, TOTP_INVALID -> "totp";
			case BAD_CREDENTIALS -> "credentials";
			case ADDRESS_NOT_ALLOWED -> "address";
		} : "credentials";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

}
