package kz.zhilyego.booking;

import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How to get in: address, entrance, floor, check-in time and the access codes. Codes go
 * only to the booking's guest while it is CONFIRMED or CHECKED_IN, and to staff whose
 * scope covers the listing; every reveal is logged by the identity module with the
 * channel it went through.
 */
@Service
public class CheckInInstructions {

	private final Bookings bookings;

	private final AccessCodes codes;

	CheckInInstructions(Bookings bookings, AccessCodes codes) {
		this.bookings = bookings;
		this.codes = codes;
	}

	/** What a guest or staff member sees. */
	public record Instructions(UUID bookingId, String address, @Nullable String entrance, @Nullable Integer floor,
			LocalTime checkInTime, LocalTime checkOutTime, String realtorPhone, @Nullable AccessCodeSet codes) {
	}

	@Transactional
	public Instructions forCaller(UUID bookingId, CurrentUser user, AccessScope scope, String channel) {
		BookingDetails booking = this.bookings.details(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		BookingAccess access = BookingAccess.of(booking.guestId(), booking.ownerId(), scope);
		Optional<AccessCodeSet> revealed;
		if (access == BookingAccess.STAFF) {
			revealed = this.codes.revealToStaff(booking.listingId(), booking.ownerId(), user, channel);
		}
		else if (booking.status().isActiveStay()) {
			revealed = codesForGuest(booking, channel);
		}
		else {
			throw ProblemException.forbidden("booking.instructions.afterConfirmation");
		}
		return instructions(booking, revealed.orElse(null));
	}

	/**
	 * The codes for the booking's guest if the booking is CONFIRMED or CHECKED_IN (logged
	 * as a reveal through {@code channel}), else empty. For messages composed at send
	 * time.
	 */
	@Transactional
	public Optional<AccessCodeSet> codesForGuest(UUID bookingId, long guestId, String channel) {
		return this.bookings.details(bookingId)
			.filter(booking -> booking.guestId() == guestId)
			.flatMap(booking -> codesForGuest(booking, channel));
	}

	private Optional<AccessCodeSet> codesForGuest(BookingDetails booking, String channel) {
		if (!booking.status().isActiveStay()) {
			return Optional.empty();
		}
		return this.codes.revealToGuest(booking.listingId(), booking.id(), booking.guestId(), channel);
	}

	private static Instructions instructions(BookingDetails booking, @Nullable AccessCodeSet codes) {
		return new Instructions(booking.id(), booking.address(), booking.entrance(), booking.floor(),
				booking.checkInTime(), booking.checkOutTime(), booking.realtorPhone(), codes);
	}

}
