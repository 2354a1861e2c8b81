package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.ReplicaReads;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.AnalyticsSummary.ClientStat;
import kz.zhilyego.realtor.AnalyticsSummary.ListingStat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analytics over the listings in the caller's scope ({@link AnalyticsSummary} has the
 * definitions). Read-only SQL over bookings, blocks and listings; amounts in KZT.
 */
@Service
public class RealtorAnalytics {

	/**
	 * {@link BookingStatus#PAID_STAYS} as an SQL list: stays counted as bookings and
	 * revenue.
	 */
	private static final String PAID = "(" + BookingStatus.sqlList(BookingStatus.PAID_STAYS) + ")";

	/**
	 * Bookings of the period in scope, with the revenue each brings (alias {@code pb}).
	 */
	static final String PERIOD_BOOKINGS = """
			with pb as (
			    select b.*, l.title, l.owner_id as listing_owner_id,
			           case when b.confirmed_at is not null and b.status in {paid}
			                then b.total
			                when b.confirmed_at is not null and b.status = 'CANCELLED'
			                then b.total - coalesce(b.refund_due, 0)
			                else 0 end as net,
			           case when b.confirmed_at is not null then b.total else 0 end as gross,
			           case when b.confirmed_at is not null and b.status = 'CANCELLED'
			                then coalesce(b.refund_due, 0) else 0 end as refund
			    from stay_facts b join listing_facts l on l.id = b.listing_id
			    where %s and b.check_in between :from and :to
			)
			""".formatted(StaffScopes.LISTING_IN_SCOPE).replace("{paid}", PAID);

	/**
	 * The totals of {@code pb} rows (columns gross, refunds, revenue, bookings,
	 * cancellations); add a {@code group by} to get them per group.
	 */
	static final String PERIOD_TOTALS = """
			coalesce(sum(gross), 0) as gross, coalesce(sum(refund), 0) as refunds,
			coalesce(sum(net), 0) as revenue,
			count(*) filter (where status in {paid}) as bookings,
			count(*) filter (where status = 'CANCELLED') as cancellations
			""".replace("{paid}", PAID);

	/** SQL: the number of days in a datemultirange expression. */
	static String days(String multirange) {
		return "(select coalesce(sum(upper(r) - lower(r)), 0) from unnest(" + multirange + ") r)";
	}

	/**
	 * Per listing in scope (alias {@code l}) that was ACTIVE on some day of the period:
	 * {@code days}, the days of the period on which it was ACTIVE for at least a moment
	 * (from {@code listing_status_history}, Astana days), its owner, and the nights of
	 * those days taken by paid stays (CONFIRMED, CHECKED_IN, COMPLETED) and by active
	 * (not removed) blocks. Listings are counted for the days they were live, not by
	 * their status today.
	 */
	static final String LISTING_NIGHTS = """
			with active as (
			    select h.listing_id, min(l.owner_id) as owner_id,
			           range_agg(daterange(cast(h.since at time zone :zone as date),
			                               case when h.until is null then null
			                                    else cast((h.until at time zone :zone) - interval '1 microsecond' as date) + 1
			                               end)) * datemultirange(daterange(:from, :toExclusive)) as days
			    from listing_status_history h join listing_facts l on l.id = h.listing_id
			    where %s and h.status = 'ACTIVE' and h.since < :toInstant
			      and (h.until is null or h.until > :fromInstant)
			    group by h.listing_id
			), stays as (
			    select b.listing_id, range_agg(daterange(b.check_in, b.check_out)) as taken
			    from stay_facts b join active a on a.listing_id = b.listing_id
			    where b.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')
			      and daterange(b.check_in, b.check_out) && daterange(:from, :toExclusive)
			    group by b.listing_id
			), blocks as (
			    select k.listing_id, range_agg(k.period) as taken
			    from active_blocks k join active a on a.listing_id = k.listing_id
			    where k.period && daterange(:from, :toExclusive)
			    group by k.listing_id
			), listing_nights as (
			    select a.listing_id, a.owner_id, %s as active_nights,
			           coalesce(%s, 0) as booked, coalesce(%s, 0) as blocked
			    from active a
			    left join stays s on s.listing_id = a.listing_id
			    left join blocks k on k.listing_id = a.listing_id
			)
			"""
		.formatted(StaffScopes.LISTING_IN_SCOPE, days("a.days"), days("a.days * s.taken"), days("a.days * k.taken"));

	/**
	 * Per listing owner: active listing-nights, booked and blocked nights of the period.
	 */
	static final String OWNER_NIGHTS = LISTING_NIGHTS + """
			select owner_id, sum(active_nights) as active_nights, sum(booked) as booked, sum(blocked) as blocked
			from listing_nights group by owner_id
			""";

	/**
	 * One owner's nights in a period: booked, blocked, and the listing-nights on which
	 * the owner's listings were ACTIVE.
	 */
	record Nights(long booked, long blocked, long activeNights) {

		/** Listing-nights while ACTIVE − blocked nights. */
		long available() {
			return Math.max(0, this.activeNights - this.blocked);
		}

	}

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final RealtorProperties properties;

	RealtorAnalytics(JdbcClient jdbc, StaffScopes scopes, RealtorProperties properties) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.properties = properties;
	}

	/**
	 * Which part of the heat map to show: listings matching {@code q} (part of the title
	 * or address, or the listing number; all when empty), page {@code page} of
	 * {@code heat-map-listings} of them by title, and {@code heat-map-days} days from
	 * {@code start} (the period's first day when null or outside the period).
	 */
	public record HeatMapView(@Nullable String q, int page, @Nullable LocalDate start) {

		public static final HeatMapView FIRST = new HeatMapView(null, 0, null);

	}

	@Transactional(readOnly = true)
	@ReplicaReads
	public AnalyticsSummary summary(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to) {
		return summary(user, null, from, to, HeatMapView.FIRST);
	}

	/**
	 * The summary for the listings of one owner in scope ({@code realtorId}, a head's
	 * filter; all in scope when null), with the part of the heat map the view asks for.
	 */
	@Transactional(readOnly = true)
	@ReplicaReads
	public AnalyticsSummary summary(CurrentUser user, @Nullable Long realtorId, @Nullable LocalDate from,
			@Nullable LocalDate to, HeatMapView view) {
		return summaryFor(this.scopes.narrow(this.scopes.of(user), realtorId), from, to, view);
	}

	/** The summary for a scope already decided (a realtor's detailed report). */
	AnalyticsSummary summaryFor(AccessScope scope, @Nullable LocalDate from, @Nullable LocalDate to) {
		return summaryFor(scope, from, to, HeatMapView.FIRST);
	}

	private AnalyticsSummary summaryFor(AccessScope scope, @Nullable LocalDate from, @Nullable LocalDate to,
			HeatMapView view) {
		checkPeriod(from, to);
		if (view.page() < 0) {
			throw ProblemException.invalidField("heatPage", "realtor.field.outOfRange");
		}
		if (view.q() != null && view.q().strip().length() > ListRealtorListings.MAX_QUERY) {
			throw ProblemException.invalidField("heatQ", "realtor.search.tooLong", ListRealtorListings.MAX_QUERY);
		}
		Map<String, Object> p = params(scope, from, to);
		record Totals(BigDecimal gross, BigDecimal refunds, BigDecimal revenue, long bookings, long cancellations) {
		}
		Totals totals = this.jdbc.sql(PERIOD_BOOKINGS + "select " + PERIOD_TOTALS + " from pb")
			.params(p)
			.query((rs, n) -> new Totals(money(rs.getBigDecimal("gross")), money(rs.getBigDecimal("refunds")),
					money(rs.getBigDecimal("revenue")), rs.getLong("bookings"), rs.getLong("cancellations")))
			.single();
		// each top ranks only those with something to rank by: a top by stays never lists
		// a
		// client with none
		List<ListingStat> byRevenue = listingStats(p, "sum(net) > 0", "revenue desc, bookings desc, listing_id");
		List<ListingStat> byBookings = listingStats(p, BOOKED + " > 0", "bookings desc, revenue desc, listing_id");
		List<ClientStat> byStays = clientStats(p, STAYED + " > 0", "stays desc, spend desc, guest_id");
		List<ClientStat> bySpend = clientStats(p, "sum(net) > 0", "spend desc, stays desc, guest_id");
		List<AnalyticsSummary.ReasonCount> reasons = this.jdbc.sql(PERIOD_BOOKINGS + """
				select coalesce(cancel_reason, 'OTHER') as reason, count(*) as c from pb where status = 'CANCELLED'
				group by 1 order by c desc, reason
				""")
			.params(p)
			.query((rs, n) -> new AnalyticsSummary.ReasonCount(rs.getString("reason"), rs.getLong("c")))
			.list();
		List<AnalyticsSummary.RevenuePoint> byDay = this.jdbc.sql(PERIOD_BOOKINGS + """
				select check_in as day, sum(net) as revenue from pb group by check_in having sum(net) <> 0
				order by check_in
				""")
			.params(p)
			.query((rs, n) -> new AnalyticsSummary.RevenuePoint(rs.getObject("day", LocalDate.class),
					money(rs.getBigDecimal("revenue"))))
			.list();
		Map<Long, Nights> nights = nightsByOwner(p);
		long booked = nights.values().stream().mapToLong(Nights::booked).sum();
		long available = nights.values().stream().mapToLong(Nights::available).sum();
		BigDecimal occupancy = occupancy(booked, available);
		return new AnalyticsSummary(from, to, "KZT", totals.gross(), totals.refunds(), totals.revenue(),
				totals.bookings(), totals.cancellations(), booked, available, occupancy, byRevenue, byBookings, byStays,
				bySpend, reasons, byDay, heatMap(p, from, to, view), priceHistory(p));
	}

	void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from == null) {
			throw ProblemException.invalidField("from", "realtor.field.required");
		}
		if (to == null) {
			throw ProblemException.invalidField("to", "realtor.field.required");
		}
		if (to.isBefore(from)) {
			throw ProblemException.invalidField("to", "realtor.range.order");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > this.properties.maxAnalyticsDays()) {
			throw ProblemException.invalidField("to", "realtor.range.tooLong", this.properties.maxAnalyticsDays());
		}
	}

	static Map<String, Object> params(AccessScope scope, LocalDate from, LocalDate to) {
		Map<String, Object> p = StaffScopes.params(scope);
		p.put("from", from);
		p.put("to", to);
		p.put("toExclusive", to.plusDays(1));
		p.put("fromInstant", from.atStartOfDay(kz.zhilyego.common.Zones.KAZAKHSTAN).toOffsetDateTime());
		p.put("toInstant", to.plusDays(1).atStartOfDay(kz.zhilyego.common.Zones.KAZAKHSTAN).toOffsetDateTime());
		p.put("zone", kz.zhilyego.common.Zones.KAZAKHSTAN.getId());
		return p;
	}

	/** Booked and available listing-nights of one listing owner in a period. */
	public record OwnerNights(long booked, long available) {
	}

	/**
	 * Booked and available listing-nights per listing owner over the whole platform, with
	 * the same definitions as the summary's occupancy (for the platform's analytics).
	 * Owners whose listings were never ACTIVE in the period are missing.
	 */
	@Transactional(readOnly = true)
	public Map<Long, OwnerNights> platformNights(LocalDate from, LocalDate to) {
		Map<String, Object> p = params(new AccessScope(0, AccessScope.Kind.PLATFORM, java.util.Set.of()), from, to);
		Map<Long, OwnerNights> result = new HashMap<>();
		nightsByOwner(p).forEach((owner, n) -> result.put(owner, new OwnerNights(n.booked(), n.available())));
		return result;
	}

	/**
	 * Booked and blocked nights and active listing-nights per listing owner in scope
	 * (owners whose listings were never ACTIVE in the period are missing).
	 */
	Map<Long, Nights> nightsByOwner(Map<String, Object> p) {
		Map<Long, Nights> nights = new HashMap<>();
		this.jdbc.sql(OWNER_NIGHTS)
			.params(p)
			.query((rs, n) -> nights.put(rs.getLong("owner_id"),
					new Nights(rs.getLong("booked"), rs.getLong("blocked"), rs.getLong("active_nights"))))
			.list();
		return nights;
	}

	/**
	 * Booked over available nights in percent, one decimal, half-up; 0 when none
	 * available.
	 */
	static BigDecimal occupancy(long booked, long available) {
		return available == 0 ? BigDecimal.ZERO.setScale(1)
				: BigDecimal.valueOf(booked * 100).divide(BigDecimal.valueOf(available), 1, RoundingMode.HALF_UP);
	}

	/** Bookings among {@code pb} rows (an aggregate). */
	private static final String BOOKED = "count(*) filter (where status in " + PAID + ")";

	/** Stays among {@code pb} rows (an aggregate). */
	private static final String STAYED = "count(*) filter (where status in ('CHECKED_IN', 'COMPLETED'))";

	private List<ListingStat> listingStats(Map<String, Object> p, String having, String order) {
		return this.jdbc.sql(PERIOD_BOOKINGS + """
				select listing_id, min(title) as title, sum(net) as revenue, %s as bookings
				from pb group by listing_id
				having %s
				order by %s limit 5
				""".formatted(BOOKED, having, order))
			.params(p)
			.query((rs, n) -> new ListingStat(rs.getLong("listing_id"), rs.getString("title"),
					money(rs.getBigDecimal("revenue")), rs.getLong("bookings")))
			.list();
	}

	private List<ClientStat> clientStats(Map<String, Object> p, String having, String order) {
		return this.jdbc.sql(PERIOD_BOOKINGS + """
				select guest_id, (array_agg(guest_name order by created_at desc, id desc))[1] as name, %s as stays,
				       sum(net) as spend
				from pb group by guest_id
				having %s
				order by %s limit 5
				""".formatted(STAYED, having, order))
			.params(p)
			.query((rs, n) -> new ClientStat(rs.getLong("guest_id"), rs.getString("name"), rs.getLong("stays"),
					money(rs.getBigDecimal("spend"))))
			.list();
	}

	private AnalyticsSummary.HeatMap heatMap(Map<String, Object> p, LocalDate from, LocalDate to, HeatMapView view) {
		LocalDate start = view.start() == null || view.start().isBefore(from) || view.start().isAfter(to) ? from
				: view.start();
		LocalDate end = to.plusDays(1);
		if (ChronoUnit.DAYS.between(start, end) > this.properties.heatMapDays()) {
			end = start.plusDays(this.properties.heatMapDays());
		}
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
			days.add(d);
		}
		String q = view.q() == null || view.q().isBlank() ? null : view.q().strip();
		int size = this.properties.heatMapListings();
		Map<String, Object> params = new HashMap<>(p);
		params.put("heatStart", start);
		params.put("heatEnd", end);
		params.put("limit", size);
		params.put("offset", (long) view.page() * size);
		params.put("q", q);
		params.put("pattern",
				q == null || ListRealtorListings.onlyNumber(q) ? "" : "%" + ListRealtorListings.likeEscaped(q) + "%");
		params.put("number", q == null ? null : ListRealtorListings.number(q));
		String where = """
				where %s and l.status = 'ACTIVE'
				  and (cast(:q as text) is null or (:pattern <> '' and (l.title ilike :pattern
				       or concat_ws(' ', l.street, l.house, l.block) ilike :pattern))
				       or l.id = cast(:number as bigint))
				""".formatted(StaffScopes.LISTING_IN_SCOPE);
		long total = this.jdbc.sql("select count(*) from listing_facts l " + where)
			.params(params)
			.query(Long.class)
			.single();
		record Listing(long id, String title) {
		}
		List<Listing> listings = this.jdbc
			.sql("select l.id, l.title from listing_facts l " + where
					+ " order by l.title, l.id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new Listing(rs.getLong("id"), rs.getString("title")))
			.list();
		Map<Long, int[]> cells = new HashMap<>();
		listings.forEach(l -> cells.put(l.id(), new int[days.size()]));
		if (!listings.isEmpty()) {
			params.put("ids", listings.stream().map(Listing::id).toList());
			this.jdbc.sql("""
					select b.listing_id, 1 as kind, greatest(b.check_in, :heatStart) as f,
					       least(b.check_out, :heatEnd) as t
					from stay_facts b
					where b.listing_id in (:ids) and b.status in {paid}
					  and b.check_in < :heatEnd and b.check_out > :heatStart
					union all
					select k.listing_id, 2, greatest(lower(k.period), :heatStart), least(upper(k.period), :heatEnd)
					from active_blocks k
					where k.listing_id in (:ids) and k.period && daterange(:heatStart, :heatEnd)
					""".replace("{paid}", PAID)).params(params).query((rs, n) -> {
				int[] row = cells.get(rs.getLong("listing_id"));
				LocalDate f = rs.getObject("f", LocalDate.class);
				LocalDate t = rs.getObject("t", LocalDate.class);
				for (LocalDate d = f; d.isBefore(t); d = d.plusDays(1)) {
					row[(int) ChronoUnit.DAYS.between(start, d)] = rs.getInt("kind");
				}
				return null;
			}).list();
		}
		List<AnalyticsSummary.HeatRow> rows = listings.stream()
			.map(l -> new AnalyticsSummary.HeatRow(l.id(), l.title(),
					java.util.Arrays.stream(cells.get(l.id())).boxed().toList()))
			.toList();
		return new AnalyticsSummary.HeatMap(days, rows, total, view.page(), size);
	}

	private List<AnalyticsSummary.PriceChange> priceHistory(Map<String, Object> p) {
		return this.jdbc.sql("""
				select h.listing_id, l.title, h.night, h.old_price, h.new_price, h.changed_at
				from listing_price_history h join listing_facts l on l.id = h.listing_id
				where %s and h.changed_at >= :fromInstant and h.changed_at < :toInstant
				order by h.changed_at desc, h.id desc limit 200
				""".formatted(StaffScopes.LISTING_IN_SCOPE))
			.params(p)
			.query((rs, n) -> new AnalyticsSummary.PriceChange(rs.getLong("listing_id"), rs.getString("title"),
					rs.getObject("night", LocalDate.class), nullableMoney(rs.getBigDecimal("old_price")),
					nullableMoney(rs.getBigDecimal("new_price")), rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	private static @Nullable BigDecimal nullableMoney(@Nullable BigDecimal value) {
		return value == null ? null : money(value);
	}

}
