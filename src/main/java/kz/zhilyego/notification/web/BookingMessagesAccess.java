package kz.zhilyego.notification.web;

import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may read a booking's messages: staff whose scope covers the listing. Its guest gets
 * a 403 (their own messages are in the cabinet), anyone else a 404.
 */
@Component
class BookingMessagesAccess {

	private final BookingQueries bookings;

	private final AccessScopes scopes;

	BookingMessagesAccess(BookingQueries bookings, AccessScopes scopes) {
		this.bookings = bookings;
		this.scopes = scopes;
	}

	BookingDetails requireStaff(UUID bookingId, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		BookingDetails booking = this.bookings.get(bookingId, scope);
		if (!scope.coversListingOwner(booking.ownerId())) {
			throw ProblemException.forbidden("booking.staffOnly");
		}
		return booking;
	}

}
