package kz.zhilyego.chat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.flags.FeatureFlags;
import kz.zhilyego.flags.FlagSubject;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may open a booking's chat: with the {@code booking-chat} flag on for the caller,
 * the booking's guest and the listing's realtor (they write) and staff whose access scope
 * covers the listing's owner (agency head, superuser: they read). Anyone else gets the
 * same 404 as for a booking that does not exist; with the flag off, a 404 that says the
 * chat is not available, before the booking is even looked up.
 */
@Component
class ChatAccess {

	/** How long after check-out the chat stays open. */
	static final int OPEN_DAYS_AFTER_CHECK_OUT = 14;

	private final BookingQueries bookings;

	private final AccessScopes scopes;

	private final FeatureFlags flags;

	private final UserDirectory users;

	ChatAccess(BookingQueries bookings, AccessScopes scopes, FeatureFlags flags, UserDirectory users) {
		this.bookings = bookings;
		this.scopes = scopes;
		this.flags = flags;
		this.users = users;
	}

	/** The caller's place in one booking's chat. */
	record Entry(BookingDetails booking, ChatParticipant participant, String realtorName) {

		/** From then on the chat is read-only: 14 days after the check-out time. */
		Instant closesAt() {
			return this.booking.checkOut()
				.plusDays(OPEN_DAYS_AFTER_CHECK_OUT)
				.atTime(this.booking.checkOutTime())
				.atZone(Zones.KAZAKHSTAN)
				.toInstant();
		}

		/**
		 * Open from the hold until {@link #closesAt}; an expired hold's chat is closed.
		 */
		boolean openAt(Instant now) {
			return this.booking.status() != BookingStatus.EXPIRED && now.isBefore(closesAt());
		}

		/** Contacts are masked until the booking is paid. */
		boolean masking() {
			return this.booking.confirmedAt() == null;
		}

	}

	Optional<Entry> find(UUID bookingId, CurrentUser user) {
		if (!this.flags.isOn(FeatureFlags.BOOKING_CHAT, FlagSubject.of(user))) {
			return Optional.empty();
		}
		return entry(bookingId, user);
	}

	Entry require(UUID bookingId, CurrentUser user) {
		if (!this.flags.isOn(FeatureFlags.BOOKING_CHAT, FlagSubject.of(user))) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "chat-off", "chat.off");
		}
		return entry(bookingId, user).orElseThrow(() -> ProblemException.notFound("booking.notFound"));
	}

	private Optional<Entry> entry(UUID bookingId, CurrentUser user) {
		BookingDetails booking = this.bookings.find(bookingId).orElse(null);
		if (booking == null) {
			return Optional.empty();
		}
		ChatParticipant participant;
		if (booking.guestId() == user.id()) {
			participant = ChatParticipant.GUEST;
		}
		else if (booking.ownerId() == user.id()) {
			participant = ChatParticipant.REALTOR;
		}
		else {
			AccessScope scope = this.scopes.of(user);
			if (!scope.coversListingOwner(booking.ownerId())) {
				return Optional.empty();
			}
			participant = ChatParticipant.READER;
		}
		String realtor = this.users.find(booking.ownerId()).map(UserProfile::name).orElse("");
		return Optional.of(new Entry(booking, participant, realtor));
	}

}
