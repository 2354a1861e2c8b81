package kz.zhilyego.admin.web;

import kz.zhilyego.admin.ProblemDesk;
import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
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
 * {@code /admin/problems}: one section per source (payments, bookings, and whatever other
 * modules report), each entry with its actions; actions that need a note have a field,
 * dangerous ones ask first. Every action is audited.
 */
@Controller
class ProblemsPages {

	private final ProblemDesk problems;

	private final PanelTexts texts;

	ProblemsPages(ProblemDesk problems, PanelTexts texts) {
		this.problems = problems;
		this.texts = texts;
	}

	@GetMapping("/admin/problems")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("sections", this.problems.open(user));
		return "admin/problems";
	}

	@PostMapping("/admin/problems/{source}/{key}/{action}")
	String act(@AuthenticationPrincipal CurrentUser user, @PathVariable String source, @PathVariable String key,
			@PathVariable String action, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes flash) {
		try {
			AttentionSource.Outcome outcome = this.problems.act(user, source, key, action, note);
			flash.addFlashAttribute("flash", this.texts.get(outcome.messageKey(), outcome.args().toArray()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/problems";
	}

}
