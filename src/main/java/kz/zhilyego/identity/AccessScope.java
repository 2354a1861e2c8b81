package kz.zhilyego.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a principal may see and change, built once per request and passed into every query
 * for listings, bookings, guests, codes and analytics:
 * <ul>
 * <li>{@link Kind#PLATFORM} (superuser): everything;</li>
 * <li>{@link Kind#AGENCY} (super admin): listings owned by the agency's realtors (and
 * own);</li>
 * <li>{@link Kind#REALTOR}: own listings;</li>
 * <li>{@link Kind#USER}: no listings; own bookings and favorites only.</li>
 * </ul>
 *
 * @param userId the principal
 * @param kind the widest role the principal has
 * @param listingOwnerIds owners whose listings are in scope (empty for USER, ignored for
 * PLATFORM)
 */
public record AccessScope(long userId, Kind kind, Set<Long> listingOwnerIds) {

	public AccessScope {
		listingOwnerIds = Set.copyOf(listingOwnerIds);
	}

	public enum Kind {

		USER, REALTOR, AGENCY, PLATFORM

	}

	/** Staff: realtor, super admin or superuser. */
	public boolean isStaff() {
		return this.kind != Kind.USER;
	}

	public boolean isPlatform() {
		return this.kind == Kind.PLATFORM;
	}

	/**
	 * Whether listings owned by {@code ownerId} are in scope (to see guests, codes, to
	 * manage).
	 */
	public boolean coversListingOwner(long ownerId) {
		return switch (this.kind) {
			case PLATFORM -> true;
			case AGENCY, REALTOR -> this.listingOwnerIds.contains(ownerId);
			case USER -> false;
		};
	}

	/**
	 * The one SQL filter of a scope: {@code ownerColumn} (a listing's owner) is in scope.
	 * Bind its parameters with {@link #sqlParams()}.
	 * @param ownerColumn a column or expression holding a listing owner's user id
	 */
	public static String ownerInScope(String ownerColumn) {
		return "(:platform or " + ownerColumn + " in (:owners))";
	}

	/**
	 * The parameters of {@link #ownerInScope}: {@code platform} and {@code owners} (a
	 * list that is never empty, so that {@code in (:owners)} stays valid SQL). A mutable
	 * map, so callers may add their own parameters.
	 */
	public Map<String, Object> sqlParams() {
		Map<String, Object> params = new HashMap<>();
		params.put("platform", isPlatform());
		params.put("owners", this.listingOwnerIds.isEmpty() ? List.of(-1L) : List.copyOf(this.listingOwnerIds));
		return params;
	}

}
