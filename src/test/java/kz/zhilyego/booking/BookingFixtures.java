package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.Set;

import kz.zhilyego.identity.AccessScope;

/** Booking test data through the real services. */
public final class BookingFixtures {

	private final PlaceHold placeHold;

	public BookingFixtures(PlaceHold placeHold) {
		this.placeHold = placeHold;
	}

	public static PlaceHold.Request request(long listingId, LocalDate checkIn, LocalDate checkOut) {
		return new PlaceHold.Request(listingId, checkIn, checkOut, 2, "Айгерим Садыкова", "8 701 123 45 67",
				"guest@example.kz", true, null);
	}

	public BookingDetails hold(long listingId, LocalDate checkIn, LocalDate checkOut, long guestId) {
		return this.placeHold.place(request(listingId, checkIn, checkOut), guestId, null);
	}

	public static AccessScope guest(long userId) {
		return new AccessScope(userId, AccessScope.Kind.USER, Set.of());
	}

	public static AccessScope realtor(long userId) {
		return new AccessScope(userId, AccessScope.Kind.REALTOR, Set.of(userId));
	}

	public static AccessScope platform(long userId) {
		return new AccessScope(userId, AccessScope.Kind.PLATFORM, Set.of());
	}

}
