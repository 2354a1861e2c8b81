package kz.zhilyego.feedback.web;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.feedback.Feedback;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click feedback page behind the e-mail's links. Opening a link never records a
 * rating by itself (mail scanners open links): the page confirms it with a POST, sent at
 * once by the browser's script (htmx) — one click for the guest — or by the button
 * without JavaScript.
 */
@Controller
class FeedbackPages {

	private final Feedback feedback;

	FeedbackPages(Feedback feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/feedback/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) @Nullable String rating, Model model) {
		Feedback.Answer answer = this.feedback.byToken(token)
			.orElseThrow(() -> ProblemException.notFound("feedback.notFound"));
		model.addAttribute("answer", answer);
		model.addAttribute("token", token);
		model.addAttribute("chosen", chosen(rating));
		model.addAttribute("errors", java.util.Map.of());
		return "feedback/page";
	}

	@PostMapping("/feedback/{token}")
	String rate(@PathVariable String token, @RequestParam(required = false) @Nullable String rating) {
		Integer chosen = chosen(rating);
		if (chosen == null) {
			throw ProblemException.invalidField("rating", "feedback.rating");
		}
		this.feedback.rateByToken(token, chosen);
		return "redirect:/feedback/" + token;
	}

	@PostMapping("/feedback/{token}/comment")
	String comment(@PathVariable String token, @RequestParam(required = false) @Nullable String comment, Model model) {
		try {
			this.feedback.commentByToken(token, comment);
			return "redirect:/feedback/" + token;
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			model.addAttribute("answer", this.feedback.byToken(token).orElseThrow());
			model.addAttribute("token", token);
			model.addAttribute("chosen", null);
			model.addAttribute("comment", comment);
			model.addAttribute("errors", ex.fieldErrors());
			return "feedback/page";
		}
	}

	private static @Nullable Integer chosen(@Nullable String rating) {
		if (rating == null || !rating.matches("[1-5]")) {
			return null;
		}
		return Integer.parseInt(rating);
	}

}
