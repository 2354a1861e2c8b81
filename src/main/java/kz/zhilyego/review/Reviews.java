package kz.zhilyego.review;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.settings.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to reviews: writing one (the guest of a COMPLETED booking, once), the realtor's
 * reply, complaints, and the superuser's hide and restore. Every change to the published
 * set of a listing recomputes its rating in the same transaction.
 */
@Service
public class Reviews {

	/** Longest comment, reply. */
	public static final int MAX_TEXT = 2000;

	/** Longest complaint or hide reason. */
	public static final int MAX_REASON = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BookingQueries bookings;

	private final ListingRatingSync ratings;

	private final AuditLog audit;

	private final ReviewQueries queries;

	private final ApplicationEventPublisher events;

	private final Settings settings;

	private final Reveals reveals;

	Reviews(JdbcClient jdbc, Clock clock, BookingQueries bookings, ListingRatingSync ratings, AuditLog audit,
			ReviewQueries queries, ApplicationEventPublisher events, Settings settings, Reveals reveals) {
		this.reveals = reveals;
		this.events = events;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.bookings = bookings;
		this.ratings = ratings;
		this.audit = audit;
		this.queries = queries;
	}

	/**
	 * What happened to a new review: PUBLISHED, or HIDDEN when the automatic check holds
	 * it for moderation.
	 */
	public record Submitted(long id, ReviewStatus status) {

		public boolean awaitsModeration() {
			return this.status == ReviewStatus.HIDDEN;
		}

	}

	/**
	 * Writes the review of a booking.
	 * @throws ProblemException 404 when the caller may not see the booking, 403 when the
	 * caller is not its guest or it is not COMPLETED, 409 when it already has a review,
	 * 400 for a rating outside 1–5 or a too long comment
	 */
	@Transactional
	public Submitted submit(UUID bookingId, AccessScope scope, int rating, @Nullable String comment) {
		BookingDetails booking = this.bookings.get(bookingId, scope);
		if (booking.guestId() != scope.userId()) {
			throw ProblemException.forbidden("review.guestOnly");
		}
		if (booking.status() != BookingStatus.COMPLETED) {
			throw ProblemException.forbidden("review.notCompleted");
		}
		if (rating < 1 || rating > 5) {
			throw ProblemException.invalidField("rating", "review.rating.range");
		}
		String text = text(comment, "comment", MAX_TEXT);
		this.ratings.lock(booking.listingId());
		if (this.queries.reviewed(bookingId)) {
			throw ProblemException.conflict("review-exists", "review.exists");
		}
		boolean flagged = AutoModeration.flags(text, this.settings.current().reviewStopWords());
		ReviewStatus status = flagged ? ReviewStatus.HIDDEN : ReviewStatus.PUBLISHED;
		OffsetDateTime now = Instants.utc(this.clock.instant());
		// double-blind (BlindPeriod): hidden until the realtor rates the guest too, or 14
		// days after check-out
		java.time.Instant blindEnd = BlindPeriod.end(booking);
		boolean pending = now.toInstant().isBefore(blindEnd);
		long id;
		try {
			id = this.jdbc.sql("""
					insert into reviews (booking_id, listing_id, author_id, rating, comment, status, hidden_reason,
					    hidden_at, created_at, visible_from, reveal_pending)
					values (:booking, :listing, :author, :rating, :comment, :status, :reason, :hiddenAt, :now,
					    :visibleFrom, :pending)
					returning id
					""")
				.param("booking", bookingId)
				.param("listing", booking.listingId())
				.param("author", scope.userId())
				.param("rating", rating)
				.param("comment", text)
				.param("status", status.name())
				.param("reason", flagged ? AutoModeration.REASON : null)
				.param("hiddenAt", flagged ? now : null)
				.param("now", now)
				.param("visibleFrom", pending ? Instants.utc(blindEnd) : now)
				.param("pending", pending)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException raced) {
			throw ProblemException.conflict("review-exists", "review.exists");
		}
		if (!flagged && !pending) {
			this.ratings.recompute(booking.listingId());
			this.events.publishEvent(new ReviewEvents.ReviewPublished(id, bookingId, booking.listingId(), rating));
		}
		if (this.queries.guestReviewed(bookingId)) {
			this.reveals.revealBooking(bookingId);
		}
		return new Submitted(id, status);
	}

	/**
	 * The realtor's reply (one per review; calling again edits it).
	 * @throws ProblemException 403 unless the caller is a realtor or an agency head, 404
	 * when the review is missing or its listing is out of scope, 400 for an empty or too
	 * long text
	 */
	@Transactional
	public StaffReview reply(long reviewId, AccessScope scope, @Nullable String text) {
		if (scope.kind() != AccessScope.Kind.REALTOR && scope.kind() != AccessScope.Kind.AGENCY) {
			throw ProblemException.forbidden("review.realtorOnly");
		}
		Ref review = ref(reviewId).filter(r -> scope.coversListingOwner(r.ownerId()))
			.filter(r -> r.visible(this.clock.instant()))
			.orElseThrow(() -> ProblemException.notFound("review.notFound"));
		String reply = text(text, "text", MAX_TEXT);
		if (reply == null) {
			throw ProblemException.invalidField("text", "review.text.required");
		}
		this.jdbc.sql("update reviews set reply = :reply, replied_at = :now, replied_by = :by where id = :id")
			.param("reply", reply)
			.param("now", Instants.utc(this.clock.instant()))
			.param("by", scope.userId())
			.param("id", review.id())
			.update();
		this.events.publishEvent(new ReviewEvents.ReviewReplied(review.id(), review.bookingId(), review.listingId()));
		return this.queries.staffView(reviewId);
	}

	/**
	 * A complaint about a published review, once per user.
	 * @throws ProblemException 404 when there is no such published review, 409 on a
	 * second complaint, 400 for an empty or too long reason
	 */
	@Transactional
	public void complain(long reviewId, long userId, @Nullable String reason) {
		String why = text(reason, "reason", MAX_REASON);
		if (why == null) {
			throw ProblemException.invalidField("reason", "review.text.required");
		}
		ref(reviewId).filter(r -> r.status() == ReviewStatus.PUBLISHED)
			.filter(r -> r.visible(this.clock.instant()))
			.orElseThrow(() -> ProblemException.notFound("review.notFound"));
		int inserted = this.jdbc.sql("""
				insert into review_complaints (review_id, user_id, reason, created_at)
				values (:review, :user, :reason, :now)
				on conflict (review_id, user_id) do nothing
				""")
			.param("review", reviewId)
			.param("user", userId)
			.param("reason", why)
			.param("now", Instants.utc(this.clock.instant()))
			.update();
		if (inserted == 0) {
			throw ProblemException.conflict("complaint-exists", "review.complaint.exists");
		}
	}

	/**
	 * The superuser hides a review (a new reason replaces an earlier one); audited.
	 * @throws ProblemException 403 for anyone else, 404 when missing, 400 without a
	 * reason
	 */
	@Transactional
	public StaffReview hide(long reviewId, AccessScope scope, @Nullable String reason) {
		requireSuperuser(scope);
		String why = text(reason, "reason", MAX_REASON);
		if (why == null) {
			throw ProblemException.invalidField("reason", "review.text.required");
		}
		Ref review = ref(reviewId).orElseThrow(() -> ProblemException.notFound("review.notFound"));
		this.ratings.lock(review.listingId());
		this.jdbc.sql("""
				update reviews set status = 'HIDDEN', hidden_reason = :reason, hidden_at = :now, hidden_by = :by
				where id = :id
				""")
			.param("reason", why)
			.param("now", Instants.utc(this.clock.instant()))
			.param("by", scope.userId())
			.param("id", reviewId)
			.update();
		this.ratings.recompute(review.listingId());
		this.events.publishEvent(new ReviewEvents.ReviewHidden(reviewId, review.bookingId(), review.listingId(), why));
		this.audit.record(scope.userId(), "review.hidden", "review", String.valueOf(reviewId),
				Map.of("reason", why, "listingId", review.listingId(), "was", review.status().name()));
		return this.queries.staffView(reviewId);
	}

	/**
	 * The superuser publishes a hidden review again (also one the automatic check held
	 * back); audited.
	 * @throws ProblemException 403 for anyone else, 404 when missing
	 */
	@Transactional
	public StaffReview restore(long reviewId, AccessScope scope) {
		requireSuperuser(scope);
		Ref review = ref(reviewId).orElseThrow(() -> ProblemException.notFound("review.notFound"));
		this.ratings.lock(review.listingId());
		this.jdbc.sql("""
				update reviews set status = 'PUBLISHED', hidden_reason = null, hidden_at = null, hidden_by = null
				where id = :id
				""").param("id", reviewId).update();
		this.ratings.recompute(review.listingId());
		if (review.status() == ReviewStatus.HIDDEN && review.visible(this.clock.instant())) {
			this.events.publishEvent(new ReviewEvents.ReviewPublished(review.id(), review.bookingId(),
					review.listingId(), review.rating()));
		}
		this.audit.record(scope.userId(), "review.restored", "review", String.valueOf(reviewId),
				Map.of("listingId", review.listingId(), "was", review.status().name()));
		return this.queries.staffView(reviewId);
	}

	private static void requireSuperuser(AccessScope scope) {
		if (!scope.isPlatform()) {
			throw ProblemException.forbidden("review.superuserOnly");
		}
	}

	/** Trimmed text, null when blank; 400 on the field when longer than {@code max}. */
	private static @Nullable String text(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw ProblemException.invalidField(field, "review.text.tooLong", max);
		}
		return trimmed;
	}

	private Optional<Ref> ref(long reviewId) {
		return this.jdbc.sql("""
				select r.id, r.booking_id, r.listing_id, l.owner_id, r.status, r.rating, r.visible_from
				from reviews r join listing_facts l on l.id = r.listing_id where r.id = :id
				""")
			.param("id", reviewId)
			.query((rs, n) -> new Ref(rs.getLong("id"), rs.getObject("booking_id", UUID.class),
					rs.getLong("listing_id"), rs.getLong("owner_id"), ReviewStatus.valueOf(rs.getString("status")),
					rs.getInt("rating"), nullableInstant(rs.getTimestamp("visible_from"))))
			.optional();
	}

	private static java.time.@Nullable Instant nullableInstant(@Nullable Timestamp value) {
		return value == null ? null : value.toInstant();
	}

	private record Ref(long id, UUID bookingId, long listingId, long ownerId, ReviewStatus status, int rating,
			java.time.@Nullable Instant visibleFrom) {

		/** Out of its blind period (see {@link BlindPeriod}). */
		boolean visible(java.time.Instant now) {
			return this.visibleFrom == null || !this.visibleFrom.isAfter(now);
		}

	}

	/**
	 * Dates a review written before it was recorded here (imported history, the dev
	 * demo): its {@code created_at} becomes {@code writtenAt}; nothing else changes.
	 */
	@Transactional
	public void dateWritten(long reviewId, java.time.Instant writtenAt) {
		this.jdbc.sql("update reviews set created_at = :at where id = :id")
			.param("at", Instants.utc(writtenAt))
			.param("id", reviewId)
			.update();
	}

}
