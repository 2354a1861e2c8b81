package kz.zhilyego.booking.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/bookings}. Guest name, phone and e-mail default to the signed-in
 * user's profile when left out.
 */
record CreateBookingRequest(@NotNull @Positive Long listingId, @NotNull LocalDate checkIn, @NotNull LocalDate checkOut,
		@NotNull @Min(1) @Max(100) Integer guests, @Nullable @Size(max = 200) String guestName,
		@Nullable @Size(max = 32) String guestPhone, @Nullable @Email @Size(max = 254) String guestEmail,
		@NotNull Boolean rulesAccepted, @Nullable @Size(max = 1000) String comment) {
}
