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
 * layer (contacts only for CONFIRMED / CHECKED_IN guests and staff).
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
		@Nullable Integer floor, String realtorPhone) {

	public BookingDetails {
		nightly = List.copyOf(nightly);
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
