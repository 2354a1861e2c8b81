package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static kz.zhilyego.booking.Bookings.utc;

/**
 * Stays that ended before they were recorded here: imported history (today the dev demo's
 * past stays, which the guests then review). Such a stay is COMPLETED at once, priced at
 * the listing's nightly price with the platform's commission and the gateway's fee of
 * {@link BookingProperties}; it occupies no nights (they are over), has no transitions
 * and publishes no events (nothing is to happen for a stay that is over). The hold path
 * refuses past dates; this is the only way in for them.
 */
@Service
public class StayHistory {

	private final JdbcClient jdbc;

	private final StayQuotes quotes;

	private final BookingProperties properties;

	StayHistory(JdbcClient jdbc, StayQuotes quotes, BookingProperties properties) {
		this.jdbc = jdbc;
		this.quotes = quotes;
		this.properties = properties;
	}

	/**
	 * A stay that is over, as its history has it.
	 *
	 * @param bookedAt when it was booked (and confirmed: the history knows no hold)
	 * @param checkedInAt when the guest checked in
	 * @param completedAt when the stay was completed
	 */
	public record CompletedStay(long listingId, long guestId, String guestName, String guestPhone,
			@Nullable String guestEmail, Stay stay, Instant bookedAt, Instant checkedInAt, Instant completedAt) {
	}

	/**
	 * Records the stay, COMPLETED; joins the caller's transaction. Returns its booking
	 * id.
	 * @throws ProblemException 404 for an unknown listing
	 * @throws IllegalArgumentException when the times are out of order (booked, checked
	 * in, completed)
	 */
	@Transactional
	public UUID recordCompleted(CompletedStay completed) {
		BookableListing listing = this.quotes.listing(completed.listingId())
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", completed.listingId()));
		if (completed.completedAt().isBefore(completed.checkedInAt())
				|| completed.checkedInAt().isBefore(completed.bookedAt())) {
			throw new IllegalArgumentException("Booked, checked in and completed out of order: " + completed);
		}
		Money nightly = listing.pricing().nightlyPrice();
		BigDecimal total = nightly.amount().multiply(BigDecimal.valueOf(completed.stay().nights()));
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
					    guest_name, guest_phone, guest_email, rules_accepted_at, nightly, subtotal, discounts, total, currency,
					    commission_percent, platform_commission, gateway_fee_percent, gateway_fee, hold_expires_at,
					    created_at, confirmed_at, checked_in_at, completed_at)
					values (:id, :listing, :owner, :guest, 'COMPLETED', :checkIn, :checkOut, 1, :name, :phone, :email,
					    :bookedAt, '[]'::jsonb, :total, 0, :total, :currency, :commissionPercent,
					    :total * :commissionPercent / 100, :feePercent, :total * :feePercent / 100, :bookedAt, :bookedAt,
					    :bookedAt, :checkedInAt, :completedAt)
					""")
			.param("id", id)
			.param("listing", listing.id())
			.param("owner", listing.ownerId())
			.param("guest", completed.guestId())
			.param("checkIn", completed.stay().checkIn())
			.param("checkOut", completed.stay().checkOut())
			.param("name", completed.guestName())
			.param("phone", completed.guestPhone())
			.param("email", completed.guestEmail())
			.param("total", total)
			.param("currency", nightly.currency())
			.param("commissionPercent", this.properties.platformCommissionPercent())
			.param("feePercent", this.properties.gatewayFeePercent())
			.param("bookedAt", utc(completed.bookedAt()))
			.param("checkedInAt", utc(completed.checkedInAt()))
			.param("completedAt", utc(completed.completedAt()))
			.update();
		return id;
	}

}
