package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.ListingModeration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listing moderation: the PENDING queue with the changes since the last approval,
 * approve, reject and suspend with a reason, reinstate. All audited; the realtor hears of
 * rejections and suspensions.
 */
@RestController
@RequestMapping("/api/v1/admin/listings")
class ModerationApiController {

	private final ListingModeration moderation;

	ModerationApiController(ListingModeration moderation) {
		this.moderation = moderation;
	}

	record ReasonRequest(@Nullable String reason) {
	}

	@GetMapping("/pending")
	@Operation(summary = "Superuser: listings waiting for moderation, with what changed (paged)")

	PageResult<ListingModeration.Pending> pending(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw kz.zhilyego.common.ProblemException.invalidField(page < 0 ? "page" : "size",
					"admin.field.outOfRange");
		}
		return this.moderation.pending(user, page, size);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Superuser: approve and publish a pending listing")

	@ResponseStatus(HttpStatus.NO_CONTENT)
	void approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.moderation.approve(id, user);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Superuser: reject a pending listing with a reason (the realtor is told)")

	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable ReasonRequest request) {
		this.moderation.reject(id, request == null ? null : request.reason(), user);
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Superuser: take any listing down with a reason")

	@ResponseStatus(HttpStatus.NO_CONTENT)
	void suspend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable ReasonRequest request) {
		this.moderation.suspend(id, request == null ? null : request.reason(), user);
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "Superuser: bring a suspended listing back")

	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reinstate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.moderation.reinstate(id, user);
	}

}
