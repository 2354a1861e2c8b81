package kz.zhilyego.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other half of two-way reviews: after a COMPLETED stay the listing's realtor (or the
 * agency head in scope) rates the guest 1–5 with optional {@link GuestFlag flags} and
 * text, once per booking. Double-blind with the guest's review of the stay
 * ({@link BlindPeriod}).
 */
@Service
public class GuestReviews {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BookingQueries bookings;

	private final ListingRatingSync ratings;

	private final Reveals reveals;

	GuestReviews(JdbcClient jdbc, Clock clock, BookingQueries bookings, ListingRatingSync ratings, Reveals reveals) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.bookings = bookings;
		this.ratings = ratings;
		this.reveals = reveals;
	}

	/**
	 * What hosts' visible reviews say about a guest: how many, the average rating (null
	 * without any) and the negative flags ticked in them.
	 */
	public record GuestRecord(int reviews, @Nullable BigDecimal averageRating, int negativeFlags) {
	}

	/**
	 * The realtor rates the guest of a booking.
	 * @throws ProblemException 403 unless the caller is a realtor or an agency head, 404
	 * when the booking is out of scope, 422 before the stay is COMPLETED, 409 when it
	 * already has a review of its guest, 400 for a rating outside 1–5, an unknown flag or
	 * a too long comment
	 */
	@Transactional
	public GuestReview submit(UUID bookingId, AccessScope scope, @Nullable Integer rating,
			@Nullable Collection<String> flags, @Nullable String comment) {
		if (scope.kind() != AccessScope.Kind.REALTOR && scope.kind() != AccessScope.Kind.AGENCY) {
			throw ProblemException.forbidden("review.realtorOnly");
		}
		BookingDetails booking = this.bookings.get(bookingId, scope);
		if (!scope.coversListingOwner(booking.ownerId())) {
			throw ProblemException.notFound("booking.notFound", bookingId);
		}
		if (booking.status() != BookingStatus.COMPLETED) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "stay-not-completed",
					"guestReview.notCompleted");
		}
		if (rating == null || rating < 1 || rating > 5) {
			throw ProblemException.invalidField("rating", "review.rating.range");
		}
		Set<GuestFlag> ticked = flags(flags);
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > Reviews.MAX_TEXT) {
			throw ProblemException.invalidField("comment", "review.text.tooLong", Reviews.MAX_TEXT);
		}
		this.ratings.lock(booking.listingId());
		Instant now = this.clock.instant();
		Instant blindEnd = BlindPeriod.end(booking);
		boolean pending = now.isBefore(blindEnd);
		long id;
		try {
			id = this.jdbc.sql("""
					insert into guest_reviews (booking_id, listing_id, guest_id, author_id, rating, flags, comment,
					    created_at, visible_from, reveal_pending)
					values (:booking, :listing, :guest, :author, :rating, string_to_array(:flags, ','), :comment, :now,
					    :visibleFrom, :pending)
					returning id
					""")
				.param("booking", bookingId)
				.param("listing", booking.listingId())
				.param("guest", booking.guestId())
				.param("author", scope.userId())
				.param("rating", rating)
				.param("flags", String.join(",", ticked.stream().map(Enum::name).toList()))
				.param("comment", text)
				.param("now", Instants.utc(now))
				.param("visibleFrom", Instants.utc(pending ? blindEnd : now))
				.param("pending", pending)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException twice) {
			throw ProblemException.conflict("guest-review-exists", "guestReview.exists");
		}
		if (!pending) {
			this.reveals.announceGuest(id, bookingId, booking.guestId(), rating);
		}
		boolean stayReviewed = this.jdbc.sql("select exists (select 1 from reviews where booking_id = :booking)")
			.param("booking", bookingId)
			.query(Boolean.class)
			.single();
		if (stayReviewed) {
			this.reveals.revealBooking(bookingId);
		}
		return find("g.id = :id", id).orElseThrow();
	}

	/**
	 * The review of the booking's guest, for the staff in scope (always, also while it is
	 * blind: it is their own side).
	 */
	@Transactional(readOnly = true)
	public Optional<GuestReview> ofBooking(UUID bookingId, AccessScope scope) {
		BookingDetails booking = this.bookings.get(bookingId, scope);
		if (!scope.isStaff() || !scope.coversListingOwner(booking.ownerId())) {
			return Optional.empty();
		}
		return find("g.booking_id = :id", bookingId);
	}

	/** The visible reviews about a guest, newest first (the guest's cabinet). */
	@Transactional(readOnly = true)
	public List<GuestReview> about(long guestId) {
		return this.jdbc.sql("""
				select %s from guest_reviews g join listing_facts l on l.id = g.listing_id
				where g.guest_id = :guest and %s
				order by g.created_at desc, g.id desc
				""".formatted(COLUMNS, VISIBLE))
			.param("guest", guestId)
			.param("now", Instants.utc(this.clock.instant()))
			.query((rs, n) -> review(rs, this.clock.instant()))
			.list();
	}

	/** What visible host reviews say about a guest (the risk score's inputs). */
	@Transactional(readOnly = true)
	public GuestRecord record(long guestId) {
		return this.jdbc.sql("""
				select count(*) as reviews, avg(g.rating) as average,
				       coalesce(sum((select count(*) from unnest(g.flags) f where f in (:negative))), 0) as negative
				from guest_reviews g
				where g.guest_id = :guest and %s
				""".formatted(VISIBLE))
			.param("guest", guestId)
			.param("negative",
					EnumSet.allOf(GuestFlag.class).stream().filter(GuestFlag::negative).map(Enum::name).toList())
			.param("now", Instants.utc(this.clock.instant()))
			.query((rs, n) -> {
				BigDecimal average = rs.getBigDecimal("average");
				return new GuestRecord(rs.getInt("reviews"),
						average == null ? null : average.setScale(2, RoundingMode.HALF_UP), rs.getInt("negative"));
			})
			.single();
	}

	private static final String VISIBLE = "(g.visible_from is null or g.visible_from <= :now)";

	private static final String COLUMNS = """
			g.id, g.booking_id, g.listing_id, l.title, g.guest_id, g.rating, g.flags, g.comment, g.created_at,
			g.visible_from""";

	private Optional<GuestReview> find(String where, Object key) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select %s from guest_reviews g join listing_facts l on l.id = g.listing_id where %s
				""".formatted(COLUMNS, where)).param("id", key).query((rs, n) -> review(rs, now)).optional();
	}

	private static GuestReview review(ResultSet rs, Instant now) throws SQLException {
		Timestamp from = rs.getTimestamp("visible_from");
		Instant visibleFrom = from == null ? null : from.toInstant();
		boolean visible = visibleFrom == null || !visibleFrom.isAfter(now);
		return new GuestReview(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("listing_id"),
				rs.getString("title"), rs.getLong("guest_id"), rs.getInt("rating"), flags(rs.getArray("flags")),
				rs.getString("comment"), rs.getTimestamp("created_at").toInstant(), visible,
				visible ? null : visibleFrom);
	}

	private static List<GuestFlag> flags(Array array) throws SQLException {
		List<GuestFlag> flags = new ArrayList<>();
		for (Object name : (Object[]) array.getArray()) {
			flags.add(GuestFlag.valueOf((String) name));
		}
		return flags;
	}

	private static Set<GuestFlag> flags(@Nullable Collection<String> names) {
		Set<GuestFlag> flags = EnumSet.noneOf(GuestFlag.class);
		if (names == null) {
			return flags;
		}
		for (String name : names) {
			try {
				flags.add(GuestFlag.valueOf(name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT)));
			}
			catch (IllegalArgumentException unknown) {
				throw ProblemException.invalidField("flags", "guestReview.flag.unknown");
			}
		}
		return flags;
	}

}
