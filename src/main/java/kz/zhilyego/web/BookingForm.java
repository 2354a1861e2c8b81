package kz.zhilyego.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The booking wizard's form: the stay, the guest's details, the accepted house rules and
 * the idempotency token that makes a double submit place one hold only.
 */
record BookingForm(@Nullable LocalDate checkIn, @Nullable LocalDate checkOut, @Nullable Integer guests,
		@Nullable String guestName, @Nullable String guestPhone, @Nullable String guestEmail,
		@Nullable Boolean rulesAccepted, @Nullable String comment, @Nullable String token) {

	public int guestCount() {
		return this.guests == null ? 1 : this.guests;
	}

	public boolean accepted() {
		return Boolean.TRUE.equals(this.rulesAccepted);
	}

	BookingForm withToken(String token) {
		return new BookingForm(this.checkIn, this.checkOut, this.guests, this.guestName, this.guestPhone,
				this.guestEmail, this.rulesAccepted, this.comment, token);
	}

	BookingForm withContacts(String name, String phone, @Nullable String email) {
		return new BookingForm(this.checkIn, this.checkOut, this.guests, name, phone, email, this.rulesAccepted,
				this.comment, this.token);
	}

}
