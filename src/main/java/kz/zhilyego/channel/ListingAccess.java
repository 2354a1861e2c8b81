package kz.zhilyego.channel;

import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Which listings a caller may connect, sync and configure: staff only (others 403); a
 * listing out of the caller's scope is "not found" like a missing one.
 */
@Component
public class ListingAccess {

	private final StayQuotes listings;

	private final AccessScopes scopes;

	ListingAccess(StayQuotes listings, AccessScopes scopes) {
		this.listings = listings;
		this.scopes = scopes;
	}

	public AccessScope staffScope(CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("realtor.staffOnly");
		}
		return scope;
	}

	public BookableListing require(long listingId, CurrentUser user) {
		return require(listingId, staffScope(user));
	}

	public BookableListing require(long listingId, AccessScope scope) {
		return this.listings.listing(listingId)
			.filter(listing -> scope.coversListingOwner(listing.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

}
