package kz.zhilyego.identity.web;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.UserAdmin;
import kz.zhilyego.identity.internal.UserRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The superuser's users page ({@code /admin/users}): search by name, phone or e-mail,
 * paged, and block/unblock buttons. The web security chain admits SUPERUSER only; every
 * change goes through {@link UserAdmin}, as the admin API does.
 */
@Controller
class AdminUserPages {

	static final int PAGE_SIZE = 20;

	private final UserAdmin admin;

	private final MessageSource messages;

	AdminUserPages(UserAdmin admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String query = q == null ? "" : q.strip();
		PageResult<UserRecord> result = this.admin.search(query.isEmpty() ? null : query, null, Math.max(page, 0),
				PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("q", query);
		return "admin/users";
	}

	/**
	 * Blocks with the superuser's reason (required on the page); {@code back=detail}
	 * returns to the user's page.
	 */
	@PostMapping("/admin/users/{id}/block")
	String block(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes flash) {
		return change(actor, id, true, reason, q, page, back, flash);
	}

	@PostMapping("/admin/users/{id}/unblock")
	String unblock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes flash) {
		return change(actor, id, false, null, q, page, back, flash);
	}

	private String change(CurrentUser actor, long id, boolean blocked, @Nullable String reason, @Nullable String q,
			int page, @Nullable String back, RedirectAttributes flash) {
		try {
			if (blocked && (reason == null || reason.isBlank())) {
				throw ProblemException.invalidField("reason", "admin.users.reasonRequired");
			}
			UserRecord user = this.admin.setBlocked(actor, id, blocked, reason);
			flash.addFlashAttribute("flash",
					text(blocked ? "admin.users.blocked" : "admin.users.unblocked", user.name()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", ex.fieldErrors().isEmpty() ? text(ex.messageKey(), ex.args())
					: text(ex.fieldErrors().values().iterator().next(), ex.args()));
		}
		if ("detail".equals(back)) {
			return "redirect:/admin/users/" + id;
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/users")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
			.queryParam("page", Math.max(page, 0))
			.encode()
			.build()
			.toUriString();
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
