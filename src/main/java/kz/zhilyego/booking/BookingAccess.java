package kz.zhilyego.booking;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;

/**
 * Who may see or act on a booking: its guest, or staff whose scope covers the listing's
 * owner. Anyone else gets a 404 — the booking's existence is not revealed.
 */
enum BookingAccess {

	GUEST, STAFF;

	static BookingAccess of(long guestId, long ownerId, AccessScope scope) {
		if (guestId == scope.userId()) {
			return GUEST;
		}
		if (scope.coversListingOwner(ownerId)) {
			return STAFF;
		}
		throw ProblemException.notFound("booking.notFound");
	}

	static void requireStaff(long guestId, long ownerId, AccessScope scope) {
		if (!scope.coversListingOwner(ownerId)) {
			if (guestId == scope.userId()) {
				throw ProblemException.forbidden("booking.staffOnly");
			}
			throw ProblemException.notFound("booking.notFound");
		}
	}

}
