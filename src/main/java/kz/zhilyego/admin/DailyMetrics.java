package kz.zhilyego.admin;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.booking.CancellationCounts;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.feedback.FeedbackCounts;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.MessageCounts;
import kz.zhilyego.review.RatingCounts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily metrics (docs/platform.md, "Daily metrics"): one row per day in Astana time.
 * The figures come from the modules that own them — the platform analytics for the day
 * (bookings by status, money from the ledger, occupancy of the listings active that
 * night, new users and listings), {@link CancellationCounts}, {@link RatingCounts},
 * {@link MessageCounts} and {@link FeedbackCounts} — and are written with an upsert, so a
 * recompute replaces the row, two writers at once leave one row, and an unchanged day
 * recomputes to the same figures. The job ({@link AdminJobs}) computes every day since
 * the last stored one up to yesterday; a superuser (page or API) or the {@code metrics}
 * command recomputes a date or a range.
 */
@Service
public class DailyMetrics {

	private static final Logger log = LoggerFactory.getLogger(DailyMetrics.class);

	/** Longest range one read or recompute covers. */
	public static final int MAX_DAYS = PlatformAnalytics.MAX_DAYS;

	/** Days the job catches up at most when it finds no row for a while. */
	static final int CATCH_UP_DAYS = 31;

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final PlatformAnalytics analytics;

	private final CancellationCounts cancellations;

	private final RatingCounts ratings;

	private final MessageCounts messages;

	private final FeedbackCounts feedback;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	DailyMetrics(JdbcClient jdbc, PlatformAnalytics analytics, CancellationCounts cancellations, RatingCounts ratings,
			MessageCounts messages, FeedbackCounts feedback, AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.analytics = analytics;
		this.cancellations = cancellations;
		this.ratings = ratings;
		this.messages = messages;
		this.feedback = feedback;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** One day's figures (amounts in KZT, percents with one decimal). */
	public record Day(LocalDate day, Instant computedAt, long bookingsMade, Map<String, Long> bookingsByStatus,
			long paidBookings, BigDecimal revenue, BigDecimal refunds, BigDecimal commission, long bookedNights,
			long availableNights, BigDecimal occupancyPercent, long newUsers, long newListings, long cancellations,
			Map<String, Long> cancellationsByReason, long reviews, BigDecimal averageRating, long messagesSent,
			long messagesFailed, long feedbackRequests, long feedbackRated, BigDecimal feedbackRatePercent) {
	}

	/** What a recompute did. */
	public record Recomputed(LocalDate from, LocalDate to, int days) {
	}

	/** The stored rows of [from, to], oldest first (days without a row are absent). */
	public List<Day> list(@Nullable LocalDate from, @Nullable LocalDate to) {
		PlatformAnalytics.check(from, to);
		return this.jdbc.sql("select * from daily_metrics where day between :from and :to order by day")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> day(rs))
			.list();
	}

	/** A superuser recomputes [from, to] (audited). */
	public Recomputed recompute(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to) {
		SettingsAdmin.requireSuperuser(user);
		Recomputed done = recompute(from, to);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", done.from().toString());
		details.put("to", done.to().toString());
		details.put("days", done.days());
		this.audit.record(user.id(), "metrics.recompute", "daily_metrics", done.from() + ".." + done.to(), details);
		return done;
	}

	/** Recomputes every day of [from, to] (no later than today); the command's entry. */
	public Recomputed recompute(@Nullable LocalDate from, @Nullable LocalDate to) {
		PlatformAnalytics.check(from, to);
		if (to.isAfter(today())) {
			throw ProblemException.invalidField("to", "admin.metrics.future");
		}
		int days = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			compute(day);
			days++;
		}
		return new Recomputed(from, to, days);
	}

	/**
	 * The job: every day after the last stored one (at most {@link #CATCH_UP_DAYS} back)
	 * up to yesterday, and yesterday again; returns the days written.
	 */
	public int runForYesterday() {
		LocalDate yesterday = today().minusDays(1);
		LocalDate last = this.jdbc.sql("select max(day) from daily_metrics where day < :today")
			.param("today", today())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		LocalDate from = last == null || last.isBefore(yesterday.minusDays(CATCH_UP_DAYS - 1))
				? yesterday.minusDays(CATCH_UP_DAYS - 1) : last.plusDays(1);
		if (from.isAfter(yesterday)) {
			from = yesterday;
		}
		int days = (int) ChronoUnit.DAYS.between(from, yesterday) + 1;
		for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
			compute(day);
		}
		log.info("Daily metrics written for {} day(s) up to {}", days, yesterday);
		return days;
	}

	/** Computes one day and upserts its row. */
	public Day compute(LocalDate day) {
		Instant from = day.atStartOfDay(Zones.KAZAKHSTAN).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toInstant();
		PlatformSummary summary = this.analytics.summary(day, day);
		Map<String, Long> byStatus = summary.counts().bookingsByStatus();
		long made = byStatus.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Long> byReason = this.cancellations.byReason(from, to);
		long cancelled = byReason.values().stream().mapToLong(Long::longValue).sum();
		RatingCounts.Ratings rated = this.ratings.written(from, to);
		MessageCounts.Outcomes sent = this.messages.enqueued(from, to);
		FeedbackCounts.Answers answers = this.feedback.sent(from, to);
		Day row = new Day(day, this.clock.instant(), made, byStatus, summary.paidBookings(), summary.revenue(),
				summary.refunds(), summary.commission(), summary.rates().bookedNights(),
				summary.rates().availableNights(), summary.rates().occupancyPercent(), summary.counts().newUsers(),
				summary.counts().newListings(), cancelled, byReason, rated.reviews(), rated.averageRating(),
				sent.sent(), sent.failed(), answers.requested(), answers.rated(),
				PlatformAnalytics.percent(answers.rated(), answers.requested()));
		upsert(row);
		return row;
	}

	private void upsert(Day d) {
		this.jdbc.sql("""
				insert into daily_metrics (day, computed_at, bookings_made, bookings_by_status, paid_bookings, revenue,
				    refunds, commission, booked_nights, available_nights, occupancy_percent, new_users, new_listings,
				    cancellations, cancellations_by_reason, reviews, average_rating, messages_sent, messages_failed,
				    feedback_requests, feedback_rated, feedback_rate_percent)
				values (:day, :computedAt, :made, cast(:byStatus as jsonb), :paid, :revenue, :refunds, :commission,
				    :booked, :available, :occupancy, :newUsers, :newListings, :cancellations, cast(:byReason as jsonb),
				    :reviews, :rating, :sent, :failed, :requests, :rated, :feedbackRate)
				on conflict (day) do update set computed_at = excluded.computed_at,
				    bookings_made = excluded.bookings_made, bookings_by_status = excluded.bookings_by_status,
				    paid_bookings = excluded.paid_bookings, revenue = excluded.revenue, refunds = excluded.refunds,
				    commission = excluded.commission, booked_nights = excluded.booked_nights,
				    available_nights = excluded.available_nights, occupancy_percent = excluded.occupancy_percent,
				    new_users = excluded.new_users, new_listings = excluded.new_listings,
				    cancellations = excluded.cancellations, cancellations_by_reason = excluded.cancellations_by_reason,
				    reviews = excluded.reviews, average_rating = excluded.average_rating,
				    messages_sent = excluded.messages_sent, messages_failed = excluded.messages_failed,
				    feedback_requests = excluded.feedback_requests, feedback_rated = excluded.feedback_rated,
				    feedback_rate_percent = excluded.feedback_rate_percent
				""")
			.param("day", d.day())
			.param("computedAt", d.computedAt().atOffset(ZoneOffset.UTC))
			.param("made", d.bookingsMade())
			.param("byStatus", this.json.writeValueAsString(d.bookingsByStatus()))
			.param("paid", d.paidBookings())
			.param("revenue", d.revenue())
			.param("refunds", d.refunds())
			.param("commission", d.commission())
			.param("booked", d.bookedNights())
			.param("available", d.availableNights())
			.param("occupancy", d.occupancyPercent())
			.param("newUsers", d.newUsers())
			.param("newListings", d.newListings())
			.param("cancellations", d.cancellations())
			.param("byReason", this.json.writeValueAsString(d.cancellationsByReason()))
			.param("reviews", d.reviews())
			.param("rating", d.averageRating())
			.param("sent", d.messagesSent())
			.param("failed", d.messagesFailed())
			.param("requests", d.feedbackRequests())
			.param("rated", d.feedbackRated())
			.param("feedbackRate", d.feedbackRatePercent())
			.update();
	}

	private Day day(ResultSet rs) throws SQLException {
		return new Day(rs.getObject("day", LocalDate.class), rs.getTimestamp("computed_at").toInstant(),
				rs.getLong("bookings_made"), counts(rs.getString("bookings_by_status")), rs.getLong("paid_bookings"),
				rs.getBigDecimal("revenue"), rs.getBigDecimal("refunds"), rs.getBigDecimal("commission"),
				rs.getLong("booked_nights"), rs.getLong("available_nights"), rs.getBigDecimal("occupancy_percent"),
				rs.getLong("new_users"), rs.getLong("new_listings"), rs.getLong("cancellations"),
				counts(rs.getString("cancellations_by_reason")), rs.getLong("reviews"),
				rs.getBigDecimal("average_rating"), rs.getLong("messages_sent"), rs.getLong("messages_failed"),
				rs.getLong("feedback_requests"), rs.getLong("feedback_rated"),
				rs.getBigDecimal("feedback_rate_percent"));
	}

	private Map<String, Long> counts(String json) {
		return new LinkedHashMap<>(this.json.readValue(json, COUNTS));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
	}

}
