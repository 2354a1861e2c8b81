package kz.zhilyego.review.web;

import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.GuestReviews;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The cabinet's "reviews of me": what hosts wrote about the guest, once visible. */
@Controller
class GuestReviewPages {

	private final GuestReviews reviews;

	GuestReviewPages(GuestReviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/account/guest-reviews")
	String aboutMe(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("reviews", this.reviews.about(user.id()));
		model.addAttribute("section", "guest-reviews");
		return "review/about-me";
	}

}
