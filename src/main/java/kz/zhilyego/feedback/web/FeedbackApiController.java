package kz.zhilyego.feedback.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.feedback.FollowUps;
import kz.zhilyego.feedback.ReviewLinks;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Feedback for staff: follow-ups, the numbers, and the review sites happy guests see. */
@RestController
@Tag(name = "Realtor: feedback", description = "Guests' ratings after the stay and their comments to follow up")
class FeedbackApiController {

	private final FollowUps followUps;

	private final ReviewLinks links;

	private final java.time.Clock clock;

	FeedbackApiController(FollowUps followUps, ReviewLinks links, java.time.Clock clock) {
		this.followUps = followUps;
		this.links = links;
		this.clock = clock;
	}

	record ResolveRequest(@Nullable String note) {
	}

	@GetMapping("/api/v1/realtor/feedback")
	@Operation(summary = "Guests' comments to follow up: open first, the most urgent first")
	PageResult<FollowUps.Item> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (!status.equals("open") && !status.equals("all")) {
			throw ProblemException.invalidField("status", "feedback.followUp.status");
		}
		return this.followUps.list(user, status.equals("open"), page, size);
	}

	@PostMapping("/api/v1/realtor/feedback/{id}/resolve")
	@Operation(summary = "Mark a follow-up answered, with a note")
	ResponseEntity<Void> resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable ResolveRequest body) {
		this.followUps.resolve(id, body == null ? null : body.note(), user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/realtor/analytics/feedback")
	@Operation(summary = "Feedback of requests sent in [from, to]: response rate, average, distribution, "
			+ "open follow-ups (default: this month)")
	FollowUps.Stats stats(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		return this.followUps.stats(user, from == null ? today.withDayOfMonth(1) : from, to == null ? today : to);
	}

	@GetMapping("/api/v1/realtor/listings/{id}/review-links")
	@Operation(summary = "The review sites a happy guest of the listing is sent to")
	ReviewLinks.Links listingLinks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.links.ofListing(id, user);
	}

	@PutMapping("/api/v1/realtor/listings/{id}/review-links")
	@Operation(summary = "Set the listing's review sites (https:// addresses; null = none)")
	ReviewLinks.Links updateListingLinks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ReviewLinks.Links body) {
		return this.links.updateListing(id, body, user);
	}

	@GetMapping("/api/v1/agency/review-links")
	@Operation(summary = "The agency's review sites (agency head)")
	ReviewLinks.Links agencyLinks(@AuthenticationPrincipal CurrentUser user) {
		return this.links.ofAgency(user);
	}

	@PutMapping("/api/v1/agency/review-links")
	@Operation(summary = "Set the agency's review sites, used by listings without their own (agency head)")
	ReviewLinks.Links updateAgencyLinks(@AuthenticationPrincipal CurrentUser user,
			@RequestBody ReviewLinks.Links body) {
		return this.links.updateAgency(body, user);
	}

}
