package kz.zhilyego.admin.web;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.ListingModeration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/moderation}: the queue of listings waiting for approval with what changed
 * since the last approval highlighted, approve / reject with a reason, and suspending or
 * reinstating any listing by its number.
 */
@Controller
class ModerationPages {

	private final ListingModeration moderation;

	private final PanelTexts texts;

	ModerationPages(ListingModeration moderation, PanelTexts texts) {
		this.moderation = moderation;
		this.texts = texts;
	}

	@GetMapping("/admin/moderation")
	String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", this.moderation.pending(user, Math.max(page, 0), 20));
		return "admin/moderation";
	}

	@PostMapping("/admin/moderation/{id}/{action:approve|reject|suspend|reinstate}")
	String act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes flash) {
		try {
			switch (action) {
				case "approve" -> this.moderation.approve(id, user);
				case "reject" -> this.moderation.reject(id, reason, user);
				case "suspend" -> this.moderation.suspend(id, reason, user);
				default -> this.moderation.reinstate(id, user);
			}
			flash.addFlashAttribute("flash", this.texts.get("admin.moderation.done." + action, id));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/moderation";
	}

	/** The suspend / reinstate form takes the listing's number. */
	@PostMapping("/admin/moderation/listing")
	String byNumber(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String id,
			@RequestParam(defaultValue = "suspend") String action,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes flash) {
		long listing;
		try {
			listing = Long.parseLong(id == null ? "" : id.strip());
		}
		catch (NumberFormatException ex) {
			flash.addFlashAttribute("flashError", this.texts.get("admin.moderation.numberRequired"));
			return "redirect:/admin/moderation";
		}
		return act(user, listing, "reinstate".equals(action) ? "reinstate" : "suspend", reason, flash);
	}

}
