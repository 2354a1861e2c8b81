package kz.zhilyego.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.internal.Accounts;
import kz.zhilyego.identity.internal.AgencyInvitations;
import kz.zhilyego.identity.internal.TwoFactor;
import kz.zhilyego.identity.internal.Users;
import kz.zhilyego.identity.internal.WebSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Server-rendered sign-in, registration, password change and 2FA pages. */
@Controller
class SignInPages {

	private final Accounts accounts;

	private final TwoFactor twoFactor;

	/**
	 * The reasons the login failure handler puts in {@code ?error=}; anything else reads
	 * as bad credentials.
	 */
	private static final Set<String> LOGIN_ERRORS = Set.of("credentials", "locked", "blocked", "totp", "telegram",
			"telegram-not-linked", "telegram-totp", "telegram-off");

	private final Users users;

	private final MessageSource messages;

	private final @Nullable String telegramBot;

	private final AgencyInvitations invitations;

	private final WebSignIn signIn;

	SignInPages(Accounts accounts, TwoFactor twoFactor, Users users, MessageSource messages,
			TelegramProperties telegram, AgencyInvitations invitations, WebSignIn signIn) {
		this.signIn = signIn;
		this.invitations = invitations;
		this.accounts = accounts;
		this.twoFactor = twoFactor;
		this.users = users;
		this.messages = messages;
		this.telegramBot = telegram.widgetBot();
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(name = "continue", required = false) @Nullable String next, Model model) {
		model.addAttribute("error", error == null ? null : LOGIN_ERRORS.contains(error) ? error : "credentials");
		telegramWidget(model, next);
		return "identity/login";
	}

	/**
	 * The registration form; from an agency invitation's page ({@code ?invitation=}) the
	 * invited e-mail is filled in (only that account can accept), and signing in after
	 * registering returns to the invitation.
	 */
	@GetMapping("/register")
	String registerForm(@RequestParam(required = false) @Nullable String invitation, Model model) {
		if (invitation != null) {
			this.invitations.find(invitation)
				.filter(AgencyInvitations.Invitation::open)
				.ifPresent(open -> model.addAttribute("email", open.email()));
		}
		telegramWidget(model, null);
		limits(model);
		return "identity/register";
	}

	/**
	 * The Telegram Login Widget's bot and return address (absolute, as the widget
	 * redirects there from Telegram's page), when a bot is configured.
	 */
	private void telegramWidget(Model model, @Nullable String next) {
		if (this.telegramBot == null) {
			return;
		}
		UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/telegram");
		if (next != null && next.startsWith("/") && !next.startsWith("//")) {
			url.queryParam("continue", next);
		}
		model.addAttribute("telegramBot", this.telegramBot);
		model.addAttribute("telegramAuthUrl", url.encode().toUriString());
	}

	/**
	 * Creates the account and signs it in at once (the person just chose the password),
	 * then continues to the page that asked for sign-in, if any — a booking, say — or the
	 * home page. Every wrong field is shown at once, next to the field.
	 */
	@PostMapping("/register")
	String register(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String password, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		long id;
		try {
			id = this.accounts.create(name == null ? "" : name, phone == null ? "" : phone, email,
					password == null ? "" : password, Language.of(locale), EnumSet.of(Role.USER), null, null);
		}
		catch (ProblemException ex) {
			model.addAttribute("errors", errors(ex, locale));
			model.addAttribute("fieldErrors", fieldErrors(ex, locale));
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
			model.addAttribute("email", email);
			telegramWidget(model, null);
			limits(model);
			return "identity/register";
		}
		return "redirect:" + this.signIn.signIn(id, this.users, request, response, "/?welcome");
	}

	private static void limits(Model model) {
		model.addAttribute("maxName", Accounts.MAX_NAME);
		model.addAttribute("maxEmail", kz.zhilyego.common.Emails.MAX_LENGTH);
		model.addAttribute("minPassword", Accounts.MIN_PASSWORD);
		model.addAttribute("maxPassword", Accounts.MAX_PASSWORD);
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String password(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, Model model, Locale locale) {
		try {
			this.accounts.changePassword(user.id(), currentPassword, newPassword);
		}
		catch (ProblemException ex) {
			model.addAttribute("errors", errors(ex, locale));
			return "identity/password";
		}
		model.addAttribute("changed", true);
		return "identity/password";
	}

	@GetMapping("/account/2fa")
	String twoFactor(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("enabled", this.users.find(user.id()).orElseThrow().totpEnabled());
		return "identity/two-factor";
	}

	@PostMapping("/account/2fa/enrol")
	String enrol(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("enabled", false);
		model.addAttribute("enrolment", this.twoFactor.enrol(user));
		return "identity/two-factor";
	}

	@PostMapping("/account/2fa/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam String code, Model model, Locale locale) {
		try {
			List<String> codes = this.twoFactor.confirm(user, code);
			model.addAttribute("enabled", true);
			model.addAttribute("recoveryCodes", codes);
		}
		catch (ProblemException ex) {
			model.addAttribute("enabled", false);
			model.addAttribute("errors", errors(ex, locale));
		}
		return "identity/two-factor";
	}

	@PostMapping("/account/2fa/disable")
	String disable(@AuthenticationPrincipal CurrentUser user, @RequestParam String code, Model model, Locale locale) {
		try {
			this.twoFactor.disable(user, code);
			model.addAttribute("enabled", false);
		}
		catch (ProblemException ex) {
			model.addAttribute("enabled", true);
			model.addAttribute("errors", errors(ex, locale));
		}
		return "identity/two-factor";
	}

	private java.util.Map<String, String> fieldErrors(ProblemException ex, Locale locale) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		ex.fieldErrors()
			.forEach((field, key) -> errors.put(field, this.messages.getMessage(key, ex.args(), key, locale)));
		return errors;
	}

	private List<String> errors(ProblemException ex, Locale locale) {
		if (ex.fieldErrors().isEmpty()) {
			return List.of(this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		}
		return ex.fieldErrors()
			.values()
			.stream()
			.map(key -> this.messages.getMessage(key, ex.args(), key, locale))
			.toList();
	}

}
