package kz.zhilyego.identity;

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

}
