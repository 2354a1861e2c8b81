package kz.zhilyego.realtor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scope of the workspace's caller: staff only (others get a 403), and the SQL filter
 * that keeps queries to the listings the scope covers. Out-of-scope listings are "not
 * found", exactly like missing ones.
 */
@Component
class StaffScopes {

	/** Listing alias {@code l}: the owner is in scope (parameters {@link #params}). */
	static final String LISTING_IN_SCOPE = "(:platform or l.owner_id in (:owners))";

	private final AccessScopes scopes;

	private final JdbcClient jdbc;

	StaffScopes(AccessScopes scopes, JdbcClient jdbc) {
		this.scopes = scopes;
		this.jdbc = jdbc;
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
		Map<String, Object> params = new HashMap<>();
		params.put("platform", scope.isPlatform());
		params.put("owners", scope.listingOwnerIds().isEmpty() ? List.of(-1L) : List.copyOf(scope.listingOwnerIds()));
		return params;
	}

	/** The owner of a listing in scope; 404 when missing or out of scope. */
	long ownerInScope(long listingId, AccessScope scope) {
		return this.jdbc.sql("select owner_id from listings where id = :id")
			.param("id", listingId)
			.query(Long.class)
			.optional()
			.filter(scope::coversListingOwner)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

	/** Same, locking the listing row until the transaction ends. */
	long lockInScope(long listingId, AccessScope scope) {
		return this.jdbc.sql("select owner_id from listings where id = :id for update")
			.param("id", listingId)
			.query(Long.class)
			.optional()
			.filter(scope::coversListingOwner)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

}
