package kz.zhilyego.review;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends blind periods (see {@link BlindPeriod}): when the second review of a stay is
 * written, both become visible at once; a lone review becomes visible 14 days after
 * check-out ({@link #revealDue}, run by the scheduler). Each reveal recomputes the
 * listing's rating and publishes the "published" event exactly once (the
 * {@code reveal_pending} flag is cleared by the same statement that picks the row).
 */
@Component
class Reveals {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ListingRatingSync ratings;

	private final ApplicationEventPublisher events;

	Reveals(JdbcClient jdbc, Clock clock, ListingRatingSync ratings, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ratings = ratings;
		this.events = events;
	}

	/**
	 * Both reviews of the booking are written: what is still blind becomes visible now.
	 * The caller holds the listing's review lock.
	 */
	void revealBooking(UUID bookingId) {
		OffsetDateTime now = Instants.utc(this.clock.instant());
		List<Revealed> stays = this.jdbc.sql("""
				update reviews set visible_from = :now, reveal_pending = false
				where booking_id = :booking and reveal_pending
				returning id, booking_id, listing_id, status, rating
				""").param("now", now).param("booking", bookingId).query((rs, n) -> revealed(rs)).list();
		List<RevealedGuest> guests = this.jdbc.sql("""
				update guest_reviews set visible_from = :now, reveal_pending = false
				where booking_id = :booking and reveal_pending
				returning id, booking_id, guest_id, rating
				""").param("now", now).param("booking", bookingId).query((rs, n) -> revealedGuest(rs)).list();
		announce(stays, guests);
	}

	/** Reveals every review whose blind period is over; the number revealed. */
	@Transactional
	public int revealDue() {
		OffsetDateTime now = Instants.utc(this.clock.instant());
		List<Revealed> stays = this.jdbc.sql("""
				update reviews set reveal_pending = false
				where reveal_pending and visible_from <= :now
				returning id, booking_id, listing_id, status, rating
				""").param("now", now).query((rs, n) -> revealed(rs)).list();
		List<RevealedGuest> guests = this.jdbc.sql("""
				update guest_reviews set reveal_pending = false
				where reveal_pending and visible_from <= :now
				returning id, booking_id, guest_id, rating
				""").param("now", now).query((rs, n) -> revealedGuest(rs)).list();
		new TreeSet<>(stays.stream().map(Revealed::listingId).toList()).forEach(this.ratings::lock);
		announce(stays, guests);
		return stays.size() + guests.size();
	}

	/** A guest review written after the blind period: visible at once. */
	void announceGuest(long id, UUID bookingId, long guestId, int rating) {
		this.events.publishEvent(new ReviewEvents.GuestReviewPublished(id, bookingId, guestId, rating));
	}

	private void announce(List<Revealed> stays, List<RevealedGuest> guests) {
		new TreeSet<>(
				stays.stream().filter(r -> r.status() == ReviewStatus.PUBLISHED).map(Revealed::listingId).toList())
			.forEach(this.ratings::recompute);
		stays.stream()
			.filter(r -> r.status() == ReviewStatus.PUBLISHED)
			.forEach(r -> this.events
				.publishEvent(new ReviewEvents.ReviewPublished(r.id(), r.bookingId(), r.listingId(), r.rating())));
		guests.forEach(g -> this.events
			.publishEvent(new ReviewEvents.GuestReviewPublished(g.id(), g.bookingId(), g.guestId(), g.rating())));
	}

	private static Revealed revealed(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Revealed(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("listing_id"),
				ReviewStatus.valueOf(rs.getString("status")), rs.getInt("rating"));
	}

	private static RevealedGuest revealedGuest(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new RevealedGuest(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("guest_id"),
				rs.getInt("rating"));
	}

	private record Revealed(long id, UUID bookingId, long listingId, ReviewStatus status, int rating) {
	}

	private record RevealedGuest(long id, UUID bookingId, long guestId, int rating) {
	}

}
