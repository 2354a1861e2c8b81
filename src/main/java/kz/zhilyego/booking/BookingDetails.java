package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A booking with what its guest and the staff in scope may need: the stay, the stored
 * price breakdown, the lifecycle timestamps, cancellation and refund due, and the
 * listing's address and realtor phone. Which parts a caller sees is decided by the web
 * layer (contacts only for CONFIRMED / CHECKED_IN guests and staff). {@code source} is
 * null for a booking made here, {@code connection:<id>} for one another booking system
 * sent ({@link ExternalStays}); such a booking has no price here (zero amounts).
 */
public record BookingDetails(UUID id, BookingStatus status, long listingId, String listingTitle, long ownerId,
		long guestId, String guestName, String guestPhone, @Nullable String guestEmail, LocalDate checkIn,
		LocalDate checkOut, int nights, int guests, @Nullable String comment, List<Night> nightly, BigDecimal subtotal,
		BigDecimal discounts, BigDecimal total, String currency, BigDecimal platformCommission, BigDecimal gatewayFee,
		Instant holdExpiresAt, Instant createdAt, @Nullable Instant confirmedAt, @Nullable Instant checkedInAt,
		@Nullable Instant completedAt, @Nullable Instant cancelledAt, @Nullable Instant expiredAt,
		@Nullable String cancelledBy, @Nullable String cancelReason, @Nullable String cancelNote,
		@Nullable BigDecimal refundPercent, @Nullable BigDecimal refundDue, @Nullable String paymentRef,
		LocalTime checkInTime, LocalTime checkOutTime, String address, @Nullable String entrance,
		@Nullable Integer floor, String realtorPhone, @Nullable String source) {

	public BookingDetails {
		nightly = List.copyOf(nightly);
	}

	/**
	 * Whether another booking system sent this booking (it was not booked and paid here).
	 */
	/**
	 * A hold the guest can still pay at {@code now}: HOLD and not yet expired (the expiry
	 * job may not have run yet; an expired hold is past, whatever its stored status).
	 */
	public boolean holdOpenAt(Instant now) {
		return this.status == BookingStatus.HOLD && this.holdExpiresAt.isAfter(now);
	}

	/**
	 * A hold whose time ran out at {@code now} but that the expiry job has not closed.
	 */
	public boolean holdLapsedAt(Instant now) {
		return this.status == BookingStatus.HOLD && !this.holdExpiresAt.isAfter(now);
	}

	public boolean external() {
		return this.source != null;
	}

	/**
	 * The short booking number people read and say on the phone: the id's first eight
	 * characters in capitals (e.g. {@code 3F2A9C01}).
	 */
	public String number() {
		return this.id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	/** One night of the stored price breakdown. */
	public record Night(LocalDate date, BigDecimal price, String basis) {
	}

}
