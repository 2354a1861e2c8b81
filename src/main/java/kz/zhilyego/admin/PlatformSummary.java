package kz.zhilyego.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The platform for the days {@code [from, to]} (Astana, inclusive). Definitions (also in
 * docs/admin.md):
 * <ul>
 * <li>money comes from the ledger: entries booked in the period (a booking's confirmation
 * set when it is paid, reversals when a refund succeeds);</li>
 * <li>{@code revenue}: gross booking value, Σ GROSS; {@code refunds}: money given back,
 * −Σ GROSS_REVERSAL; {@code netRevenue} = revenue − refunds; {@code commission}: platform
 * commission net of reversals; {@code providerFees}: payment provider fees net of
 * reversals; {@code platformNet} = commission − provider fees; {@code realtorPayouts}:
 * what the realtors get, net of reversals;</li>
 * <li>{@code paidBookings}: bookings whose payment was booked in the period (GROSS
 * entries).</li>
 * </ul>
 *
 * @param counts users, realtors, agencies, listings (now, and new in the period) and
 * bookings made in the period by status
 * @param rates conversion, cancellation and occupancy
 * @param independents the same money for realtors outside any agency: Σ agencies +
 * independents = the platform = the ledger
 * @param trends every calendar month touching the period
 */
public record PlatformSummary(LocalDate from, LocalDate to, String currency, BigDecimal revenue, BigDecimal refunds,
		BigDecimal netRevenue, BigDecimal commission, BigDecimal providerFees, BigDecimal platformNet,
		BigDecimal realtorPayouts, long paidBookings, Counts counts, Rates rates, Totals independents,
		List<Ranked> topListingsByRevenue, List<Ranked> topListingsByBookings, List<Ranked> topUsersByRevenue,
		List<Ranked> topUsersByBookings, List<Ranked> topRealtorsByRevenue, List<Ranked> topRealtorsByBookings,
		List<Ranked> topAgencies, List<Ranked> topAgenciesByBookings, List<Month> trends) {

	/**
	 * @param users all accounts now; {@code newUsers}: registered in the period
	 * @param blockedUsers blocked now
	 * @param realtors accounts with the realtor role now
	 * @param agencies agencies now
	 * @param listings all listings now; {@code activeListings}, {@code pendingListings}:
	 * now
	 * @param newListings created in the period
	 * @param bookingsByStatus bookings made (held) in the period, by their status now
	 */
	public record Counts(long users, long newUsers, long blockedUsers, long realtors, long agencies, long listings,
			long activeListings, long pendingListings, long newListings, Map<String, Long> bookingsByStatus) {
	}

	/**
	 * @param conversionPercent bookings made in the period that were paid, over all made
	 * @param cancellationPercent of those paid, the ones cancelled since
	 * @param occupancyPercent booked over available listing-nights (listings counted for
	 * the days they were ACTIVE), as in the realtor analytics
	 */
	public record Rates(BigDecimal conversionPercent, BigDecimal cancellationPercent, long bookedNights,
			long availableNights, BigDecimal occupancyPercent) {
	}

	/** Money of a part of the platform (an agency, the independent realtors). */
	public record Totals(BigDecimal revenue, BigDecimal refunds, BigDecimal commission, BigDecimal providerFees,
			BigDecimal realtorPayouts, long paidBookings) {
	}

	/**
	 * One entry of a ranking: a listing, a guest, a realtor or an agency, with its gross
	 * revenue and paid bookings in the period.
	 */
	public record Ranked(long id, String name, @Nullable String detail, BigDecimal revenue, long bookings) {
	}

	/**
	 * One calendar month: revenue and paid bookings (ledger), new users, new listings.
	 */
	public record Month(LocalDate month, BigDecimal revenue, long bookings, long newUsers, long newListings) {
	}

}
