package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;

/**
 * An agency's team for the days {@code [from, to]} (inclusive): the agency's realtors
 * (active or deactivated) with the same definitions as {@link AnalyticsSummary} applied
 * to each realtor's own listings. The team totals are the sums over the realtors;
 * {@code occupancyPercent} is the team's booked over available nights.
 *
 * @param topByRevenue at most 5 realtors with revenue or bookings, by revenue (ties: more
 * bookings, then id)
 * @param topByBookings the same by bookings (ties: revenue, then id)
 * @param realtors one page of all the agency's realtors, by name
 * @param revenueByMonth revenue of the team per calendar month touching the period
 * (check-in in the period), every month present
 */
public record TeamSummary(long agencyId, String agencyName, LocalDate from, LocalDate to, String currency,
		BigDecimal revenue, long bookings, long cancellations, long bookedNights, long availableNights,
		BigDecimal occupancyPercent, List<RealtorStat> topByRevenue, List<RealtorStat> topByBookings,
		PageResult<RealtorStat> realtors, List<MonthRevenue> revenueByMonth) {

	/**
	 * One realtor in the period: listings owned (all, and ACTIVE now), bookings,
	 * cancellations, revenue and occupancy of own listings.
	 */
	public record RealtorStat(long realtorId, String name, String phone, @Nullable String email, boolean active,
			long listings, long activeListings, long bookings, long cancellations, BigDecimal grossRevenue,
			BigDecimal refunds, BigDecimal revenue, long bookedNights, long availableNights,
			BigDecimal occupancyPercent) {
	}

	/** Revenue of the check-ins of one month ({@code month}: its first day). */
	public record MonthRevenue(LocalDate month, BigDecimal revenue) {
	}

}
