package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingEvents;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingRecords;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccountAges;
import kz.zhilyego.review.GuestReviews;
import kz.zhilyego.review.ReviewEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guest risk scores: gathered from the owning modules ({@link BookingRecords},
 * {@link GuestReviews}, {@link AccountAges}), computed by {@link GuestRiskFormula},
 * stored per guest and recalculated after the events that change an input (a booking
 * paid, cancelled or completed; a host's review of the guest becoming visible). A hold
 * changes none: the formula counts paid and cancelled bookings, not held ones, so a hold
 * writes nothing here (a guest without a row is scored when first read). The new-account
 * term decays with time alone, so a stored score older than a day is recalculated when
 * read. Only staff in scope of a booking see its guest's score; a guest never does.
 */
@Service
public class GuestRisks {

	/** How old a stored score may be before a read recalculates it. */
	static final Duration FRESH = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BookingRecords bookingRecords;

	private final GuestReviews guestReviews;

	private final AccountAges ages;

	private final BookingQueries bookings;

	GuestRisks(JdbcClient jdbc, Clock clock, BookingRecords bookingRecords, GuestReviews guestReviews, AccountAges ages,
			BookingQueries bookings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.bookingRecords = bookingRecords;
		this.guestReviews = guestReviews;
		this.ages = ages;
		this.bookings = bookings;
	}

	/**
	 * The risk of a booking's guest, for the staff in its scope.
	 * @throws ProblemException 404 when the caller may not see the booking or is not
	 * staff in its scope (a guest never learns their score)
	 */
	@Transactional
	public GuestRisk ofBooking(UUID bookingId, AccessScope scope) {
		BookingDetails booking = this.bookings.get(bookingId, scope);
		if (!scope.isStaff() || !scope.coversListingOwner(booking.ownerId())) {
			throw ProblemException.notFound("booking.notFound", bookingId);
		}
		return of(booking.guestId());
	}

	/** The stored score, recalculated when missing or older than a day. */
	@Transactional
	public GuestRisk of(long guestId) {
		Instant now = this.clock.instant();
		return stored(guestId).filter(s -> s.computedAt().plus(FRESH).isAfter(now))
			.map(Stored::risk)
			.orElseGet(() -> recalculate(guestId));
	}

	/** Gathers the guest's record, scores it and stores the result. */
	@Transactional
	public GuestRisk recalculate(long guestId) {
		Instant now = this.clock.instant();
		BookingRecords.GuestBookings record = this.bookingRecords.ofGuest(guestId);
		GuestReviews.GuestRecord reviews = this.guestReviews.record(guestId);
		long ageDays = this.ages.registeredAt(guestId).map(at -> Duration.between(at, now).toDays()).orElse(0L);
		GuestRisk risk = GuestRiskFormula
			.score(new GuestRiskFormula.Inputs(record.bookings(), record.cancelledByGuest(), reviews.negativeFlags(),
					ageDays, record.completed(), reviews.averageRating()));
		this.jdbc.sql("""
				insert into guest_risk_scores (guest_id, score, level, reasons, computed_at)
				values (:guest, :score, :level, :reasons, :now)
				on conflict (guest_id) do update
				set score = excluded.score, level = excluded.level, reasons = excluded.reasons,
				    computed_at = excluded.computed_at
				""")
			.param("guest", guestId)
			.param("score", risk.score())
			.param("level", risk.level().name())
			.param("reasons", String.join(",",
					risk.reasons().stream().map(r -> r.factor().name() + "=" + r.points().toPlainString()).toList()))
			.param("now", Instants.utc(now))
			.update();
		return risk;
	}

	@ApplicationModuleListener
	void on(BookingEvents.BookingConfirmed event) {
		recalculate(event.guestId());
	}

	@ApplicationModuleListener
	void on(BookingEvents.BookingCancelled event) {
		recalculate(event.guestId());
	}

	@ApplicationModuleListener
	void on(BookingEvents.StayCompleted event) {
		recalculate(event.guestId());
	}

	@ApplicationModuleListener
	void on(ReviewEvents.GuestReviewPublished event) {
		recalculate(event.guestId());
	}

	private Optional<Stored> stored(long guestId) {
		return this.jdbc.sql("select score, level, reasons, computed_at from guest_risk_scores where guest_id = :guest")
			.param("guest", guestId)
			.query((rs,
					n) -> new Stored(new GuestRisk(rs.getInt("score"), RiskLevel.valueOf(rs.getString("level")),
							reasons(rs.getString("reasons"))), Instants.read(rs, "computed_at")))
			.optional();
	}

	private static List<GuestRisk.Reason> reasons(String stored) {
		List<GuestRisk.Reason> reasons = new ArrayList<>();
		for (String pair : stored.split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				reasons.add(new GuestRisk.Reason(GuestRisk.Factor.valueOf(pair.substring(0, eq)),
						new BigDecimal(pair.substring(eq + 1))));
			}
		}
		return reasons;
	}

	private record Stored(GuestRisk risk, Instant computedAt) {
	}

}
