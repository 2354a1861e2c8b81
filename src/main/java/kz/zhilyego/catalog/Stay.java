package kz.zhilyego.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A stay: nights from {@code checkIn} (inclusive) to {@code checkOut} (exclusive), in the
 * listing's local dates. A check-out day can be another guest's check-in day.
 */
public record Stay(LocalDate checkIn, LocalDate checkOut) {

	public Stay {
		Objects.requireNonNull(checkIn, "checkIn");
		Objects.requireNonNull(checkOut, "checkOut");
		if (!checkOut.isAfter(checkIn)) {
			throw new IllegalArgumentException("checkOut must be after checkIn");
		}
	}

	public int nights() {
		return (int) ChronoUnit.DAYS.between(this.checkIn, this.checkOut);
	}

	public List<LocalDate> nightDates() {
		return this.checkIn.datesUntil(this.checkOut).toList();
	}

	public boolean overlaps(Stay other) {
		return this.checkIn.isBefore(other.checkOut) && other.checkIn.isBefore(this.checkOut);
	}

}
