package kz.zhilyego.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reviews: a listing's public list, the reviews of the listings in a staff scope,
 * the superuser's moderation queue, and which bookings already have a review.
 */
@Service
public class ReviewQueries {

	/** Largest page. */
	public static final int MAX_PAGE_SIZE = 50;

	/** Page size when none is asked for. */
	public static final int DEFAULT_PAGE_SIZE = 10;

	/** The author's first name: the first word of the account's name. */
	private static final String AUTHOR = "split_part(btrim(u.name), ' ', 1) as author";

	private static final String STAFF_COLUMNS = """
			r.id, r.listing_id, l.title, r.booking_id, r.rating, r.comment, %s, r.status, r.hidden_reason,
			r.created_at, r.reply, r.replied_at,
			(select count(*) from review_complaints c where c.review_id = r.id) as complaints
			""".formatted(AUTHOR);

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	ReviewQueries(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return Instants.utc(this.clock.instant());
	}

	/** How many of a realtor's latest answers {@link #replyTime} looks at. */
	static final int REPLY_TIME_SAMPLE = 50;

	/**
	 * How fast a realtor answers reviews of their listings: the median time from a review
	 * to its answer over the latest {@value #REPLY_TIME_SAMPLE} answers; empty when they
	 * never answered one. The only measure of a host's responsiveness until guests and
	 * hosts can write to each other on the platform.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<java.time.Duration> replyTime(long ownerId) {
		long seconds = this.jdbc.sql("""
				select cast(extract(epoch from percentile_cont(0.5) within group (order by waited)) as bigint)
				from (
				  select r.replied_at - r.created_at as waited
				  from reviews r join listing_facts l on l.id = r.listing_id
				  where l.owner_id = :owner and r.replied_at is not null
				  order by r.replied_at desc, r.id desc
				  limit :sample
				) latest
				""").param("owner", ownerId).param("sample", REPLY_TIME_SAMPLE).query((rs, n) -> {
			long value = rs.getLong(1);
			return rs.wasNull() ? -1L : value;
		}).single();
		return seconds < 0 ? java.util.Optional.empty() : java.util.Optional.of(java.time.Duration.ofSeconds(seconds));
	}

	/**
	 * A listing's PUBLISHED reviews.
	 * @throws ProblemException 404 when the listing is not published, 400 for a bad page
	 */
	@Transactional(readOnly = true)
	public PageResult<PublicReview> published(long listingId, ReviewSort sort, @Nullable Integer page,
			@Nullable Integer size) {
		int p = page(page);
		int s = size(size);
		boolean active = this.jdbc
			.sql("select exists (select 1 from listing_facts where id = :id and status = 'ACTIVE')")
			.param("id", listingId)
			.query(Boolean.class)
			.single();
		if (!active) {
			throw ProblemException.notFound("listing.notFound", listingId);
		}
		long total = this.jdbc
			.sql("select count(*) from reviews r where r.listing_id = :listing and r.status = 'PUBLISHED' and "
					+ BlindPeriod.VISIBLE)
			.param("listing", listingId)
			.param("now", now())
			.query(Long.class)
			.single();
		List<PublicReview> items = this.jdbc.sql("""
				select r.id, r.rating, r.comment, %s, r.created_at, r.reply, r.replied_at
				from reviews r join user_names u on u.id = r.author_id
				where r.listing_id = :listing and r.status = 'PUBLISHED' and %s
				order by %s
				limit :limit offset :offset
				""".formatted(AUTHOR, BlindPeriod.VISIBLE, sort.orderBy()))
			.param("listing", listingId)
			.param("now", now())
			.param("limit", s)
			.param("offset", (long) p * s)
			.query((rs, n) -> new PublicReview(rs.getLong("id"), rs.getInt("rating"), rs.getString("comment"),
					rs.getString("author"), instant(rs, "created_at"), rs.getString("reply"),
					nullableInstant(rs, "replied_at")))
			.list();
		return new PageResult<>(total, p, s, items);
	}

	/**
	 * The first page of an active listing's PUBLISHED reviews, for a page that has just
	 * read the listing: one statement (the total from a window count), no check of the
	 * listing.
	 */
	@Transactional(readOnly = true)
	public PageResult<PublicReview> firstPublished(long listingId, ReviewSort sort, int size) {
		long[] total = { 0 };
		List<PublicReview> items = this.jdbc.sql("""
				select r.id, r.rating, r.comment, %s, r.created_at, r.reply, r.replied_at, count(*) over () as total
				from reviews r join user_names u on u.id = r.author_id
				where r.listing_id = :listing and r.status = 'PUBLISHED' and %s
				order by %s
				limit :limit
				""".formatted(AUTHOR, BlindPeriod.VISIBLE, sort.orderBy()))
			.param("listing", listingId)
			.param("now", now())
			.param("limit", size(size))
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new PublicReview(rs.getLong("id"), rs.getInt("rating"), rs.getString("comment"),
						rs.getString("author"), instant(rs, "created_at"), rs.getString("reply"),
						nullableInstant(rs, "replied_at"));
			})
			.list();
		return new PageResult<>(total[0], 0, size(size), items);
	}

	/**
	 * Reviews (published and hidden) of the listings a staff scope covers, newest first.
	 * @throws ProblemException 403 for a user who is not staff
	 */
	@Transactional(readOnly = true)
	public PageResult<StaffReview> ofScope(AccessScope scope, @Nullable Integer page, @Nullable Integer size) {
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("review.realtorOnly");
		}
		Map<String, Object> params = scope.sqlParams();
		// the realtor's side of a double-blind pair sees the guest's review once it is
		// visible (the superuser sees every review)
		params.put("now", now());
		return staffPage(AccessScope.ownerInScope("l.owner_id") + " and (:platform or " + BlindPeriod.VISIBLE + ")",
				params, page, size);
	}

	/**
	 * The superuser's moderation list: optionally one status and/or only reviews with
	 * complaints, newest first.
	 * @throws ProblemException 403 for anyone else
	 */
	@Transactional(readOnly = true)
	public PageResult<StaffReview> forModeration(AccessScope scope, @Nullable ReviewStatus status, boolean complained,
			@Nullable Integer page, @Nullable Integer size) {
		if (!scope.isPlatform()) {
			throw ProblemException.forbidden("review.superuserOnly");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("status", status == null ? null : status.name());
		params.put("complained", complained);
		return staffPage("(cast(:status as text) is null or r.status = :status)"
				+ " and (not :complained or exists (select 1 from review_complaints c where c.review_id = r.id))",
				params, page, size);
	}

	/**
	 * Reviews one user wrote, newest first (the superuser's view of a user's activity).
	 * @throws ProblemException 403 for anyone but the platform
	 */
	@Transactional(readOnly = true)
	public PageResult<StaffReview> byAuthor(AccessScope scope, long authorId, @Nullable Integer page,
			@Nullable Integer size) {
		if (!scope.isPlatform()) {
			throw ProblemException.forbidden("review.superuserOnly");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("author", authorId);
		return staffPage("r.author_id = :author", params, page, size);
	}

	/** Whether the booking has a review (published or not). */
	@Transactional(readOnly = true)
	public boolean reviewed(UUID bookingId) {
		return this.jdbc.sql("select exists (select 1 from reviews where booking_id = :booking)")
			.param("booking", bookingId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the realtor has rated the booking's guest (visible or not). */
	@Transactional(readOnly = true)
	public boolean guestReviewed(UUID bookingId) {
		return this.jdbc.sql("select exists (select 1 from guest_reviews where booking_id = :booking)")
			.param("booking", bookingId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * What visible reviews of a realtor's listings say: the average of the published ones
	 * (null without any), their count, and the complaints upheld (docs/platform.md
	 * "Scores": bookings cancelled by the platform are counted by the booking module;
	 * here nothing).
	 */
	@Transactional(readOnly = true)
	public HostRecord hostRecord(long ownerId) {
		return this.jdbc.sql("""
				select count(*) as reviews, avg(r.rating) as average
				from reviews r join listing_facts l on l.id = r.listing_id
				where l.owner_id = :owner and r.status = 'PUBLISHED' and %s
				""".formatted(BlindPeriod.VISIBLE)).param("owner", ownerId).param("now", now()).query((rs, n) -> {
			java.math.BigDecimal average = rs.getBigDecimal("average");
			return new HostRecord(rs.getInt("reviews"),
					average == null ? null : average.setScale(2, java.math.RoundingMode.HALF_UP));
		}).single();
	}

	/** See {@link #hostRecord(long)}. */
	public record HostRecord(int reviews, java.math.@Nullable BigDecimal averageRating) {
	}

	/** Which of these bookings have a review (for the cabinet's «Leave a review»). */
	@Transactional(readOnly = true)
	public Set<UUID> reviewedAmong(Collection<UUID> bookingIds) {
		if (bookingIds.isEmpty()) {
			return Set.of();
		}
		return this.jdbc.sql("select booking_id from reviews where booking_id in (:ids)")
			.param("ids", bookingIds)
			.query(UUID.class)
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableSet());
	}

	/** One review as staff see it (for the answer of a change; no scope check). */
	StaffReview staffView(long reviewId) {
		return this.jdbc.sql("""
				select %s
				from reviews r join listing_facts l on l.id = r.listing_id join user_names u on u.id = r.author_id
				where r.id = :id
				""".formatted(STAFF_COLUMNS)).param("id", reviewId).query((rs, n) -> staff(rs)).single();
	}

	private PageResult<StaffReview> staffPage(String where, Map<String, Object> params, @Nullable Integer page,
			@Nullable Integer size) {
		int p = page(page);
		int s = size(size);
		long total = this.jdbc.sql("""
				select count(*) from reviews r join listing_facts l on l.id = r.listing_id where %s
				""".formatted(where)).params(params).query(Long.class).single();
		List<StaffReview> items = this.jdbc.sql("""
				select %s
				from reviews r join listing_facts l on l.id = r.listing_id join user_names u on u.id = r.author_id
				where %s
				order by r.created_at desc, r.id desc
				limit :limit offset :offset
				""".formatted(STAFF_COLUMNS, where))
			.params(params)
			.param("limit", s)
			.param("offset", (long) p * s)
			.query((rs, n) -> staff(rs))
			.list();
		return new PageResult<>(total, p, s, items);
	}

	private static StaffReview staff(ResultSet rs) throws SQLException {
		return new StaffReview(rs.getLong("id"), rs.getLong("listing_id"), rs.getString("title"),
				rs.getObject("booking_id", UUID.class), rs.getInt("rating"), rs.getString("comment"),
				rs.getString("author"), ReviewStatus.valueOf(rs.getString("status")), rs.getString("hidden_reason"),
				instant(rs, "created_at"), rs.getString("reply"), nullableInstant(rs, "replied_at"),
				rs.getInt("complaints"));
	}

	private static int page(@Nullable Integer page) {
		if (page != null && page < 0) {
			throw ProblemException.invalidField("page", "review.page.range");
		}
		return page == null ? 0 : page;
	}

	private static int size(@Nullable Integer size) {
		if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
			throw ProblemException.invalidField("size", "review.size.range", MAX_PAGE_SIZE);
		}
		return size == null ? DEFAULT_PAGE_SIZE : size;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
