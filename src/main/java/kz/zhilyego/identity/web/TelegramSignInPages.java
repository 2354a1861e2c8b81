package kz.zhilyego.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.CurrentUserAuthentication;
import kz.zhilyego.identity.internal.IdentityProperties;
import kz.zhilyego.identity.internal.TelegramLogin;
import kz.zhilyego.identity.internal.UserRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Telegram Login Widget's return address on the site ({@code GET /login/telegram}):
 * the widget sends the user here with signed fields in the query. Verified data signs the
 * linked user in to the web session, as form login does (new session id, security context
 * saved in the session), or, for a visitor already signed in, links the Telegram account
 * to them. A wrong or stale signature, or an unlinked Telegram account, goes back to
 * {@code /login} with a message.
 */
@Controller
class TelegramSignInPages {

	/**
	 * The fields the widget signs; anything else in the query is not part of the data.
	 */
	private static final List<String> WIDGET_FIELDS = List.of("id", "first_name", "last_name", "username", "photo_url",
			"auth_date", "hash");

	private final TelegramLogin telegram;

	private final kz.zhilyego.settings.Settings settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	TelegramSignInPages(TelegramLogin telegram, IdentityProperties properties, kz.zhilyego.settings.Settings settings,
			RequestCache requests) {
		this.telegram = telegram;
		this.requests = requests;
		this.settings = settings;
	}

	@GetMapping("/login/telegram")
	String signIn(@RequestParam Map<String, String> query,
			@RequestParam(name = "continue", required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : WIDGET_FIELDS) {
			String value = query.get(name);
			if (value != null) {
				fields.put(name, value);
			}
		}
		Authentication current = this.holder.getContext().getAuthentication();
		try {
			if (current != null && current.getPrincipal() instanceof CurrentUser user) {
				this.telegram.link(user, fields);
				return "redirect:" + target(next, request, response);
			}
			// the widget cannot ask for a second factor: users with 2FA sign in with
			// password and code
			UserRecord user = this.telegram.signIn(fields, null);
			establish(user, request, response);
			return "redirect:" + target(next, request, response);
		}
		catch (ProblemException ex) {
			return "redirect:/login?error=" + switch (ex.type()) {
				case "telegram-not-linked" -> "telegram-not-linked";
				case "totp-required" -> "telegram-totp";
				case "account-blocked" -> "blocked";
				case "telegram-not-configured" -> "telegram-off";
				default -> "telegram";
			};
		}
	}

	/** The same session as after form login: a fresh id and the context in it. */
	private void establish(UserRecord user, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		CurrentUserAuthentication authentication = new CurrentUserAuthentication(user.toCurrentUser(),
				CurrentUserAuthentication.authorities(user, this.settings.current().staffTwoFactorRequired()),
				"telegram");
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/**
	 * A local path given as {@code continue}, else the page that asked for sign-in, else
	 * the cabinet. Never another host.
	 */
	private String target(@Nullable String next, HttpServletRequest request, HttpServletResponse response) {
		if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) {
			return next;
		}
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return "/account";
	}

}
