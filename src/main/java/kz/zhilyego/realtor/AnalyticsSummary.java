package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Analytics of the listings in scope for the days {@code [from, to]} (inclusive). The
 * definitions are in docs/realtor.md:
 * <ul>
 * <li>a booking belongs to the period by its check-in date;</li>
 * <li>{@code grossRevenue}: totals of paid bookings (confirmed at some point: CONFIRMED,
 * CHECKED_IN, COMPLETED, and CANCELLED after payment); {@code refunds}: the refunds due
 * of those cancelled; {@code revenue} = gross − refunds;</li>
 * <li>{@code bookings}: CONFIRMED, CHECKED_IN and COMPLETED bookings;
 * {@code cancellations}: CANCELLED ones (paid or not);</li>
 * <li>occupancy: nights of the period taken by CONFIRMED / CHECKED_IN / COMPLETED stays
 * over available nights (days of the period × listings that are active now, minus nights
 * blocked by active blocks), in percent with one decimal.</li>
 * </ul>
 */
public record AnalyticsSummary(LocalDate from, LocalDate to, String currency, BigDecimal grossRevenue,
		BigDecimal refunds, BigDecimal revenue, long bookings, long cancellations, long bookedNights,
		long availableNights, BigDecimal occupancyPercent, List<ListingStat> topListingsByRevenue,
		List<ListingStat> topListingsByBookings, List<ClientStat> topClientsByStays, List<ClientStat> topClientsBySpend,
		List<ReasonCount> cancellationReasons, List<RevenuePoint> revenueByDay, HeatMap heatMap,
		List<PriceChange> priceHistory) {

	public record ListingStat(long listingId, String title, BigDecimal revenue, long bookings) {
	}

	/**
	 * A guest: stays = CHECKED_IN or COMPLETED bookings; spend = revenue from the guest.
	 */
	public record ClientStat(long guestId, String name, long stays, BigDecimal spend) {
	}

	public record ReasonCount(String reason, long count) {
	}

	public record RevenuePoint(LocalDate date, BigDecimal revenue) {
	}

	/**
	 * Listing × day: {@code cells[i]} for {@code days[i]}: 0 free, 1 booked, 2 blocked.
	 * One page ({@code page}, {@code pageSize} rows) of {@code totalListings} active
	 * listings, by title.
	 */
	public record HeatMap(List<LocalDate> days, List<HeatRow> rows, long totalListings, int page, int pageSize) {
	}

	public record HeatRow(long listingId, String title, List<Integer> cells) {
	}

	/** A price change; {@code night} null = the base nightly price. */
	public record PriceChange(long listingId, String title, @Nullable LocalDate night, @Nullable BigDecimal oldPrice,
			@Nullable BigDecimal newPrice, Instant changedAt) {
	}

}
