package kz.zhilyego.feedback.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.feedback.FollowUps;
import kz.zhilyego.feedback.ReviewLinks;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's feedback: the numbers of a period, the comments to follow up (resolve
 * with a note), the agency's review sites (heads) and a listing's review sites; the
 * numbers also as a section of the analytics page.
 */
@Controller
class RealtorFeedbackPages {

	private final FollowUps followUps;

	private final ReviewLinks links;

	private final Clock clock;

	RealtorFeedbackPages(FollowUps followUps, ReviewLinks links, Clock clock) {
		this.followUps = followUps;
		this.links = links;
		this.clock = clock;
	}

	@GetMapping("/realtor/feedback")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "open") String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		LocalDate start = date("from", from, today.withDayOfMonth(1));
		LocalDate end = date("to", to, today);
		model.addAttribute("stats", this.followUps.stats(user, start, end));
		model.addAttribute("items", this.followUps.list(user, !status.equals("all"), Math.max(0, page), 20));
		model.addAttribute("status", status.equals("all") ? "all" : "open");
		boolean head = user.has(Role.SUPER_ADMIN) && user.agencyId() != null;
		model.addAttribute("head", head);
		model.addAttribute("agencyLinks", head ? this.links.ofAgency(user) : null);
		model.addAttribute("errors", Map.of());
		return "feedback/realtor";
	}

	@GetMapping("/realtor/analytics/feedback")
	String section(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		model.addAttribute("stats",
				this.followUps.stats(user, date("from", from, today.withDayOfMonth(1)), date("to", to, today)));
		return "feedback/realtor :: stats";
	}

	@PostMapping("/realtor/feedback/{id}/resolve")
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note) {
		this.followUps.resolve(id, note, user);
		return "redirect:/realtor/feedback?resolved";
	}

	@PostMapping("/realtor/feedback/links")
	String agencyLinks(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model) {
		try {
			this.links.updateAgency(links(form), user);
			return "redirect:/realtor/feedback?linksSaved";
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			return "redirect:/realtor/feedback?linksInvalid";
		}
	}

	@GetMapping("/realtor/listings/{id}/review-links")
	String listingLinks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("listingId", id);
		model.addAttribute("links", this.links.ofListing(id, user));
		model.addAttribute("errors", Map.of());
		return "feedback/listing-links";
	}

	@PostMapping("/realtor/listings/{id}/review-links")
	String saveListingLinks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam Map<String, String> form, Model model) {
		ReviewLinks.Links links = links(form);
		try {
			this.links.updateListing(id, links, user);
			return "redirect:/realtor/listings/" + id + "/review-links?saved";
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			model.addAttribute("listingId", id);
			model.addAttribute("links", links);
			model.addAttribute("errors", ex.fieldErrors());
			return "feedback/listing-links";
		}
	}

	private static ReviewLinks.Links links(Map<String, String> form) {
		return new ReviewLinks.Links(form.get("twoGis"), form.get("googleMaps"), form.get("yandexMaps"),
				"true".equals(form.get("ownForm")));
	}

	private static LocalDate date(String field, @Nullable String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalidField(field, "feedback.stats.date");
		}
	}

}
