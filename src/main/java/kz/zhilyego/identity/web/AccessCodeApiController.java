package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import kz.zhilyego.catalog.ListingLocks;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff access to a listing's codes: set them, and reveal them (logged). Listings outside
 * the caller's scope, and unknown listings, are "not found" alike.
 */
@RestController
@RequestMapping("/api/v1/access-codes/{listingId}")
class AccessCodeApiController {

	private final AccessCodes codes;

	private final ListingLocks listings;

	AccessCodeApiController(AccessCodes codes, ListingLocks listings) {
		this.codes = codes;
		this.listings = listings;
	}

	record CodesJson(@Nullable @Size(max = 64) String intercom, @Nullable @Size(max = 64) String flat,
			@Nullable @Size(max = 64) String safe) {
	}

	@GetMapping
	@Operation(
			summary = "Reveal a listing's access codes (the listing's realtor or agency head; every reveal is logged)")
	CodesJson reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long listingId) {
		requireStaff(user);
		AccessCodeSet set = this.codes.revealToStaff(listingId, owner(listingId), user, "api")
			.orElseThrow(() -> ProblemException.notFound("accessCodes.notFound"));
		return new CodesJson(set.intercom(), set.flat(), set.safe());
	}

	@PutMapping
	@Operation(summary = "Store a listing's access codes, encrypted at rest")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void store(@AuthenticationPrincipal CurrentUser user, @PathVariable long listingId,
			@Valid @RequestBody CodesJson body) {
		requireStaff(user);
		this.codes.store(listingId, owner(listingId), new AccessCodeSet(body.intercom(), body.flat(), body.safe()),
				user);
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw ProblemException.forbidden("problem.forbidden");
		}
	}

	private long owner(long listingId) {
		return this.listings.ownerOf(listingId).orElseThrow(() -> ProblemException.notFound("listing.notFound"));
	}

}
