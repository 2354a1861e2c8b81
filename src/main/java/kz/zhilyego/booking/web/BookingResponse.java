package kz.zhilyego.booking.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.PaymentStates;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the API returns it. The realtor's contacts appear only for staff and for
 * the guest of a CONFIRMED or CHECKED_IN booking (seed 001, Сценарий 2); platform fees
 * only for staff.
 */
record BookingResponse(UUID id, BookingStatus status, long listingId, String listingTitle, LocalDate checkIn,
		LocalDate checkOut, LocalTime checkInTime, LocalTime checkOutTime, int nights, int guests, Guest guest,
		@Nullable String comment, List<BookingDetails.Night> nightly, BigDecimal subtotal, BigDecimal discounts,
		BigDecimal total, String currency, Instant holdExpiresAt, Instant createdAt, @Nullable Instant confirmedAt,
		@Nullable Instant checkedInAt, @Nullable Instant completedAt, @Nullable Instant cancelledAt,
		@Nullable Instant expiredAt, @Nullable Cancellation cancellation, PaymentStates.@Nullable PaymentState payment,
		@Nullable Realtor realtor, @Nullable Fees fees) {

	record Guest(String name, String phone, @Nullable String email) {
	}

	record Cancellation(String by, String reason, @Nullable String note, BigDecimal refundPercent,
			BigDecimal refundDue) {
	}

	record Realtor(String phone) {
	}

	record Fees(BigDecimal platformCommission, BigDecimal gatewayFee) {
	}

	static BookingResponse of(BookingDetails b, PaymentStates.@Nullable PaymentState payment, boolean staff) {
		boolean showContacts = staff || b.status().isActiveStay();
		Cancellation cancellation = b.cancelledBy() == null ? null : new Cancellation(b.cancelledBy(),
				String.valueOf(b.cancelReason()), b.cancelNote(), orZero(b.refundPercent()), orZero(b.refundDue()));
		return new BookingResponse(b.id(), b.status(), b.listingId(), b.listingTitle(), b.checkIn(), b.checkOut(),
				b.checkInTime(), b.checkOutTime(), b.nights(), b.guests(),
				new Guest(b.guestName(), b.guestPhone(), b.guestEmail()), b.comment(), b.nightly(), b.subtotal(),
				b.discounts(), b.total(), b.currency(), b.holdExpiresAt(), b.createdAt(), b.confirmedAt(),
				b.checkedInAt(), b.completedAt(), b.cancelledAt(), b.expiredAt(), cancellation, payment,
				showContacts ? new Realtor(b.realtorPhone()) : null,
				staff ? new Fees(b.platformCommission(), b.gatewayFee()) : null);
	}

	private static BigDecimal orZero(@Nullable BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

}
