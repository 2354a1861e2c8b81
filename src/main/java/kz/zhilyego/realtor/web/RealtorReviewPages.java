package kz.zhilyego.realtor.web;

import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.Reviews;
import kz.zhilyego.review.StaffReview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The realtor workspace's reviews page: reviews of the listings in scope (published and
 * hidden, with complaint counts) and a reply form under each one (realtor and agency
 * head; a reply can be edited).
 */
@Controller
class RealtorReviewPages {

	private static final int PAGE_SIZE = 20;

	private final Reviews reviews;

	private final ReviewQueries queries;

	private final AccessScopes scopes;

	private final PageMessages messages;

	RealtorReviewPages(Reviews reviews, ReviewQueries queries, AccessScopes scopes, PageMessages messages) {
		this.reviews = reviews;
		this.queries = queries;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping("/realtor/reviews")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		return page(this.scopes.of(user), Math.max(page, 0), null, null, null, model);
	}

	@PostMapping("/realtor/reviews/{id}/reply")
	String reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String text, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		AccessScope scope = this.scopes.of(user);
		try {
			this.reviews.reply(id, scope, text);
			return "redirect:/realtor/reviews?page=" + Math.max(page, 0) + "&replied=" + id + "#review-" + id;
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
				throw ex;
			}
			// a problem without field errors is the text's error
			Map<String, String> errors = this.messages.errors(ex, locale);
			return page(scope, Math.max(page, 0), id, text, errors.getOrDefault("", errors.get("text")), model);
		}
	}

	private String page(AccessScope scope, int page, @Nullable Long failedId, @Nullable String failedText,
			@Nullable String error, Model model) {
		PageResult<StaffReview> result = this.queries.ofScope(scope, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("canReply",
				scope.kind() == AccessScope.Kind.REALTOR || scope.kind() == AccessScope.Kind.AGENCY);
		model.addAttribute("failedId", failedId);
		model.addAttribute("failedText", failedText);
		model.addAttribute("errors", error == null ? Map.of() : Map.of("text", error));
		return "realtor/reviews";
	}

}
