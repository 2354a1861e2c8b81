package kz.zhilyego.identity.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.AgencyInvitations;
import kz.zhilyego.identity.internal.AgencyInvitations.Invitation;
import kz.zhilyego.identity.internal.CurrentUserAuthentication;
import kz.zhilyego.identity.internal.IdentityProperties;
import kz.zhilyego.identity.internal.UserRecord;
import kz.zhilyego.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind the e-mailed invitation link, {@code /invitations/{token}}: anyone
 * holding the link sees which agency invites; a visitor is offered to sign in or to
 * register (and comes back here after signing in); the signed-in account the invitation
 * is addressed to accepts or declines. Visiting it creates no session.
 */
@Controller
class InvitationPages {

	private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(Zones.KAZAKHSTAN);

	private final AgencyInvitations invitations;

	private final Users users;

	private final RequestCache requests;

	private final MessageSource messages;

	private final kz.zhilyego.settings.Settings settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	InvitationPages(AgencyInvitations invitations, Users users, RequestCache requests, MessageSource messages,
			IdentityProperties properties, kz.zhilyego.settings.Settings settings) {
		this.invitations = invitations;
		this.users = users;
		this.requests = requests;
		this.messages = messages;
		this.settings = settings;
	}

	@GetMapping("/invitations/{token}")
	String page(@PathVariable String token, @AuthenticationPrincipal @Nullable CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// the token is in the path: never leak it to another site
		response.setHeader("Referrer-Policy", "no-referrer");
		Optional<Invitation> invitation = this.invitations.find(token);
		if (invitation.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("state", "unknown");
			return "identity/invitation";
		}
		Invitation found = invitation.get();
		show(found, model);
		model.addAttribute("token", token);
		if (!found.open()) {
			model.addAttribute("state", found.status().name().toLowerCase(Locale.ROOT));
			return "identity/invitation";
		}
		if (user == null) {
			// sign-in (or registration, then sign-in) comes back here: kept in a cookie
			this.requests.saveRequest(request, response);
			model.addAttribute("state", "visitor");
			return "identity/invitation";
		}
		UserRecord account = this.users.find(user.id()).orElseThrow();
		boolean addressee = account.email() != null && account.email().equalsIgnoreCase(found.email());
		model.addAttribute("state", addressee ? "open" : "other-account");
		return "identity/invitation";
	}

	@PostMapping("/invitations/{token}/accept")
	String accept(@PathVariable String token, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		try {
			Invitation joined = this.invitations.accept(user, token);
			refreshSession(user.id(), request, response);
			show(joined, model);
			model.addAttribute("state", "accepted-now");
			return "identity/invitation";
		}
		catch (ProblemException ex) {
			return failed(ex, token, response, model, locale);
		}
	}

	@PostMapping("/invitations/{token}/decline")
	String decline(@PathVariable String token, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response,
			Model model, Locale locale) {
		try {
			this.invitations.decline(user, token);
			model.addAttribute("state", "declined-now");
			this.invitations.find(token).ifPresent(i -> show(i, model));
			return "identity/invitation";
		}
		catch (ProblemException ex) {
			return failed(ex, token, response, model, locale);
		}
	}

	private String failed(ProblemException ex, String token, HttpServletResponse response, Model model, Locale locale) {
		response.setStatus(ex.status().value());
		model.addAttribute("state", "error");
		model.addAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		this.invitations.find(token).ifPresent(i -> show(i, model));
		return "identity/invitation";
	}

	private static void show(Invitation invitation, Model model) {
		model.addAttribute("invitation", invitation);
		model.addAttribute("expires", EXPIRES.format(invitation.expiresAt()));
	}

	/**
	 * The signed-in session gets the new role and agency at once (the API loads the user
	 * on every request anyway).
	 */
	private void refreshSession(long userId, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.holder.getContext().getAuthentication();
		if (!(current instanceof CurrentUserAuthentication signedIn)) {
			return;
		}
		UserRecord user = this.users.find(userId).orElseThrow();
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(new CurrentUserAuthentication(user.toCurrentUser(),
				CurrentUserAuthentication.authorities(user, this.settings.current().staffTwoFactorRequired()),
				signedIn.method()));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
