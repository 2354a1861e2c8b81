package kz.zhilyego.realtor;

import java.util.Map;
import java.util.Set;

import kz.zhilyego.catalog.ListingLocks;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The scope of the workspace's caller: staff only (others get a 403), and the SQL filter
 * that keeps queries to the listings the scope covers. Out-of-scope listings are "not
 * found", exactly like missing ones.
 */
@Component
class StaffScopes {

	/** Listing alias {@code l}: the owner is in scope (parameters {@link #params}). */
	static final String LISTING_IN_SCOPE = AccessScope.ownerInScope("l.owner_id");

	private final AccessScopes scopes;

	private final ListingLocks listings;

	StaffScopes(AccessScopes scopes, ListingLocks listings) {
		this.scopes = scopes;
		this.listings = listings;
	}

	AccessScope of(CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("realtor.staffOnly");
		}
		return scope;
	}

	/**
	 * The scope narrowed to the listings of one owner ({@code realtorId} filter of a
	 * super admin or superuser); {@code null} keeps the scope. An owner outside the scope
	 * is "not found", so the filter never reveals another agency's data.
	 */
	AccessScope narrow(AccessScope scope, @Nullable Long realtorId) {
		if (realtorId == null) {
			return scope;
		}
		if (!scope.coversListingOwner(realtorId)) {
			throw ProblemException.notFound("realtor.realtorNotFound");
		}
		AccessScope.Kind kind = scope.isPlatform() ? AccessScope.Kind.AGENCY : scope.kind();
		return new AccessScope(scope.userId(), kind, Set.of(realtorId));
	}

	static Map<String, Object> params(AccessScope scope) {
		return scope.sqlParams();
	}

	/** The owner of a listing in scope; 404 when missing or out of scope. */
	long ownerInScope(long listingId, AccessScope scope) {
		return this.listings.ownerOf(listingId)
			.filter(scope::coversListingOwner)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

	/** Same, locking the listing row until the transaction ends. */
	long lockInScope(long listingId, AccessScope scope) {
		return this.listings.lock(listingId)
			.filter(scope::coversListingOwner)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

}
