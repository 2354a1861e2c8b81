package kz.zhilyego.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.admin.PlatformSummary.Counts;
import kz.zhilyego.admin.PlatformSummary.Month;
import kz.zhilyego.admin.PlatformSummary.Ranked;
import kz.zhilyego.admin.PlatformSummary.Rates;
import kz.zhilyego.admin.PlatformSummary.Totals;
import kz.zhilyego.catalog.ListingCounts;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.realtor.RealtorAnalytics;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's analytics ({@link PlatformSummary} has the definitions): money from the
 * ledger, grouped by the listing owner's agency (realtors without one are the
 * "independents"), so that the agencies plus the independents add up to the platform and
 * the platform to the ledger. Read-only SQL; amounts in KZT.
 */
@Service
public class PlatformAnalytics {

	/** Longest period one summary or report covers. */
	public static final int MAX_DAYS = 366;

	/**
	 * Ledger entries booked in the period ({@code :fromInstant} ≤ created_at <
	 * {@code :toInstant}) with their booking's listing and guest and the owner's agency
	 * (alias {@code le}), read from the views payment, booking and identity publish (ADR
	 * 0003) in one statement, so that every entry counts once.
	 */
	static final String LEDGER = """
			with le as (
			    select e.entry_type, e.amount, e.booking_id, e.owner_id, e.created_at, b.listing_id, b.guest_id,
			           u.agency_id
			    from ledger_facts e
			    join stay_facts b on b.id = e.booking_id
			    join user_facts u on u.id = e.owner_id
			    where e.created_at >= :fromInstant and e.created_at < :toInstant
			)
			""";

	/** The money columns of {@code le} rows (add a {@code group by} for parts). */
	static final String MONEY = """
			coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
			coalesce(-sum(amount) filter (where entry_type = 'GROSS_REVERSAL'), 0) as refunds,
			coalesce(sum(amount) filter (where entry_type in ('PLATFORM_COMMISSION', 'PLATFORM_COMMISSION_REVERSAL')), 0)
			    as commission,
			coalesce(sum(amount) filter (where entry_type in ('GATEWAY_FEE', 'GATEWAY_FEE_REVERSAL')), 0) as fees,
			coalesce(sum(amount) filter (where entry_type in ('REALTOR_PAYOUT', 'REALTOR_PAYOUT_REVERSAL')), 0)
			    as payouts,
			count(*) filter (where entry_type = 'GROSS') as bookings
			""";

	private final JdbcClient jdbc;

	private final RealtorAnalytics realtorAnalytics;

	private final ListingCounts listings;

	PlatformAnalytics(JdbcClient jdbc, RealtorAnalytics realtorAnalytics, ListingCounts listings) {
		this.jdbc = jdbc;
		this.realtorAnalytics = realtorAnalytics;
		this.listings = listings;
	}

	/** An agency's money in the period, with its realtors and listings now. */
	public record AgencyStat(long agencyId, String name, @Nullable Long headId, @Nullable String headName,
			boolean active, long realtors, long listings, Totals totals, long bookedNights, long availableNights,
			BigDecimal occupancyPercent) {
	}

	/** Agencies side by side, with each one's revenue by month. */
	public record Comparison(LocalDate from, LocalDate to, List<AgencyStat> agencies,
			Map<Long, List<Month>> revenueByMonth) {
	}

	@Transactional(readOnly = true)
	public PlatformSummary summary(@Nullable LocalDate from, @Nullable LocalDate to) {
		check(from, to);
		Map<String, Object> p = params(from, to);
		Totals platform = this.jdbc.sql(LEDGER + "select " + MONEY + " from le")
			.params(p)
			.query((rs, n) -> totals(rs))
			.single();
		Totals independents = this.jdbc.sql(LEDGER + "select " + MONEY + " from le where agency_id is null")
			.params(p)
			.query((rs, n) -> totals(rs))
			.single();
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (String status : List.of("HOLD", "CONFIRMED", "CHECKED_IN", "COMPLETED", "CANCELLED", "EXPIRED")) {
			byStatus.put(status, 0L);
		}
		record Made(long made, long paid, long paidCancelled) {
		}
		Made made = this.jdbc.sql("""
				select count(*) as made, count(*) filter (where confirmed_at is not null) as paid,
				       count(*) filter (where confirmed_at is not null and status = 'CANCELLED') as paid_cancelled
				from stay_facts where created_at >= :fromInstant and created_at < :toInstant
				""")
			.params(p)
			.query((rs, n) -> new Made(rs.getLong("made"), rs.getLong("paid"), rs.getLong("paid_cancelled")))
			.single();
		this.jdbc.sql("""
				select status, count(*) as n from stay_facts
				where created_at >= :fromInstant and created_at < :toInstant group by status order by status
				""").params(p).query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
		Map<LocalDate, Long> created = createdListings(from, to, null);
		long newListings = created.values().stream().mapToLong(Long::longValue).sum();
		Counts counts = this.jdbc.sql("""
				select (select count(*) from user_facts) as users,
				       (select count(*) from user_facts where created_at >= :fromInstant and created_at < :toInstant)
				           as new_users,
				       (select count(*) from user_facts where status = 'BLOCKED') as blocked,
				       (select count(*) from user_facts where 'REALTOR' = any(roles)) as realtors,
				       (select count(*) from agency_facts) as agencies,
				       (select count(*) from listing_facts) as listings,
				       (select count(*) from listing_facts where status = 'ACTIVE') as active_listings,
				       (select count(*) from listing_facts where status = 'PENDING') as pending_listings
				""")
			.params(p)
			.query((rs, n) -> new Counts(rs.getLong("users"), rs.getLong("new_users"), rs.getLong("blocked"),
					rs.getLong("realtors"), rs.getLong("agencies"), rs.getLong("listings"),
					rs.getLong("active_listings"), rs.getLong("pending_listings"), newListings, byStatus))
			.single();
		long booked = 0;
		long available = 0;
		for (RealtorAnalytics.OwnerNights nights : this.realtorAnalytics.platformNights(from, to).values()) {
			booked += nights.booked();
			available += nights.available();
		}
		Rates rates = new Rates(percent(made.paid(), made.made()), percent(made.paidCancelled(), made.paid()), booked,
				available, percent(booked, available));
		return new PlatformSummary(from, to, "KZT", platform.revenue(), platform.refunds(),
				money(platform.revenue().subtract(platform.refunds())), platform.commission(), platform.providerFees(),
				money(platform.commission().subtract(platform.providerFees())), platform.realtorPayouts(),
				platform.paidBookings(), counts, rates, independents,
				ranked(p, "listing", "revenue desc, bookings desc, id"),
				ranked(p, "listing", "bookings desc, revenue desc, id"),
				ranked(p, "guest", "revenue desc, bookings desc, id"),
				ranked(p, "guest", "bookings desc, revenue desc, id"),
				ranked(p, "realtor", "revenue desc, bookings desc, id"),
				ranked(p, "realtor", "bookings desc, revenue desc, id"),
				ranked(p, "agency", "revenue desc, bookings desc, id"),
				ranked(p, "agency", "bookings desc, revenue desc, id"), months(p, from, to, null, created));
	}

	/**
	 * Every agency with its money in the period, by revenue (ties: paid bookings, then
	 * id), one page.
	 */
	@Transactional(readOnly = true)
	public PageResult<AgencyStat> agencies(@Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
		check(from, to);
		if (page < 0 || size < 1 || size > 100) {
			throw ProblemException.invalidField(page < 0 ? "page" : "size", "admin.field.outOfRange");
		}
		Map<String, Object> p = params(from, to);
		long total = this.jdbc.sql("select count(*) from agency_facts").query(Long.class).single();
		List<AgencyStat> all = agencyStats(p, from, to, null);
		List<AgencyStat> items = all.stream().skip((long) page * size).limit(size).toList();
		return new PageResult<>(total, page, size, items);
	}

	/** One agency's numbers; a 404 for an unknown agency. */
	@Transactional(readOnly = true)
	public AgencyStat agency(long agencyId, @Nullable LocalDate from, @Nullable LocalDate to) {
		check(from, to);
		return agencyStats(params(from, to), from, to, List.of(agencyId)).stream()
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("admin.agency.notFound"));
	}

	/** Agencies side by side (2 to 10 ids), each with its revenue by month. */
	@Transactional(readOnly = true)
	public Comparison compare(List<Long> agencyIds, @Nullable LocalDate from, @Nullable LocalDate to) {
		check(from, to);
		List<Long> ids = agencyIds.stream().distinct().toList();
		if (ids.size() < 2 || ids.size() > 10) {
			throw ProblemException.invalidField("ids", "admin.compare.count");
		}
		Map<String, Object> p = params(from, to);
		List<AgencyStat> stats = agencyStats(p, from, to, ids);
		if (stats.size() != ids.size()) {
			throw ProblemException.notFound("admin.agency.notFound");
		}
		Map<Long, List<Month>> months = new LinkedHashMap<>();
		for (AgencyStat stat : stats) {
			months.put(stat.agencyId(),
					months(p, from, to, stat.agencyId(), createdListings(from, to, stat.agencyId())));
		}
		return new Comparison(from, to, stats, months);
	}

	/** The period's checks: both days, in order, at most {@link #MAX_DAYS}. */
	public static void check(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from == null) {
			throw ProblemException.invalidField("from", "admin.field.required");
		}
		if (to == null) {
			throw ProblemException.invalidField("to", "admin.field.required");
		}
		if (to.isBefore(from)) {
			throw ProblemException.invalidField("to", "admin.range.order");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw ProblemException.invalidField("to", "admin.range.tooLong", MAX_DAYS);
		}
	}

	private List<AgencyStat> agencyStats(Map<String, Object> p, LocalDate from, LocalDate to,
			@Nullable List<Long> only) {
		Map<Long, Totals> money = new HashMap<>();
		this.jdbc.sql(LEDGER + "select agency_id, " + MONEY + " from le where agency_id is not null group by agency_id")
			.params(p)
			.query((rs, n) -> money.put(rs.getLong("agency_id"), totals(rs)))
			.list();
		Map<Long, Long> ownerAgency = new HashMap<>();
		this.jdbc.sql("select id, agency_id from user_facts where agency_id is not null")
			.query((rs, n) -> ownerAgency.put(rs.getLong("id"), rs.getLong("agency_id")))
			.list();
		Map<Long, long[]> nights = new HashMap<>();
		this.realtorAnalytics.platformNights(from, to).forEach((owner, n) -> {
			Long agency = ownerAgency.get(owner);
			if (agency != null) {
				long[] sums = nights.computeIfAbsent(agency, k -> new long[2]);
				sums[0] += n.booked();
				sums[1] += n.available();
			}
		});
		Map<String, Object> params = new HashMap<>(p);
		params.put("ids", only == null ? List.of(-1L) : only);
		params.put("all", only == null);
		Totals none = new Totals(money(BigDecimal.ZERO), money(BigDecimal.ZERO), money(BigDecimal.ZERO),
				money(BigDecimal.ZERO), money(BigDecimal.ZERO), 0);
		List<AgencyStat> stats = new ArrayList<>(this.jdbc.sql("""
				select a.id, a.name, a.head_id, h.name as head_name, a.active,
				       (select count(*) from user_facts r where r.agency_id = a.id and 'REALTOR' = any(r.roles))
				           as realtors,
				       (select count(*) from listing_facts l join user_facts o on o.id = l.owner_id
				        where o.agency_id = a.id) as listings
				from agency_facts a left join user_names h on h.id = a.head_id
				where :all or a.id in (:ids)
				""").params(params).query((rs, n) -> {
			long id = rs.getLong("id");
			long[] night = nights.getOrDefault(id, new long[2]);
			return new AgencyStat(id, rs.getString("name"), rs.getObject("head_id", Long.class),
					rs.getString("head_name"), rs.getBoolean("active"), rs.getLong("realtors"), rs.getLong("listings"),
					money.getOrDefault(id, none), night[0], night[1], percent(night[0], night[1]));
		}).list());
		stats.sort((a, b) -> {
			int byRevenue = b.totals().revenue().compareTo(a.totals().revenue());
			if (byRevenue != 0) {
				return byRevenue;
			}
			int byBookings = Long.compare(b.totals().paidBookings(), a.totals().paidBookings());
			return byBookings != 0 ? byBookings : Long.compare(a.agencyId(), b.agencyId());
		});
		return stats;
	}

	/** Top 5 of a ranking; only entries with revenue or paid bookings. */
	private List<Ranked> ranked(Map<String, Object> p, String what, String order) {
		String sql = switch (what) {
			case "listing" ->
				"""
						select r.id, l.title as name, null as detail, r.revenue, r.bookings from (
						    select listing_id as id, coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
						           count(*) filter (where entry_type = 'GROSS') as bookings
						    from le group by listing_id) r join listing_facts l on l.id = r.id
						""";
			case "guest" -> """
					select r.id, u.name, u.email as detail, r.revenue, r.bookings from (
					    select guest_id as id, coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
					           count(*) filter (where entry_type = 'GROSS') as bookings
					    from le group by guest_id) r join user_facts u on u.id = r.id
					""";
			case "realtor" -> """
					select r.id, u.name, a.name as detail, r.revenue, r.bookings from (
					    select owner_id as id, coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
					           count(*) filter (where entry_type = 'GROSS') as bookings
					    from le group by owner_id) r join user_facts u on u.id = r.id
					left join agency_facts a on a.id = u.agency_id
					""";
			case "agency" -> """
					select r.id, a.name, h.name as detail, r.revenue, r.bookings from (
					    select agency_id as id, coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
					           count(*) filter (where entry_type = 'GROSS') as bookings
					    from le where agency_id is not null group by agency_id) r
					join agency_facts a on a.id = r.id left join user_names h on h.id = a.head_id
					""";
			default -> throw new IllegalArgumentException(what);
		};
		return this.jdbc
			.sql(LEDGER + "select * from (" + sql + ") x where x.revenue > 0 or x.bookings > 0 order by " + order
					+ " limit 5")
			.params(p)
			.query((rs, n) -> new Ranked(rs.getLong("id"), rs.getString("name"), rs.getString("detail"),
					money(rs.getBigDecimal("revenue")), rs.getLong("bookings")))
			.list();
	}

	/**
	 * Every month touching the period; {@code agencyId} narrows the money and the growth
	 * to one agency, {@code created} are its listings created by month
	 * ({@link #createdListings}).
	 */
	private List<Month> months(Map<String, Object> p, LocalDate from, LocalDate to, @Nullable Long agencyId,
			Map<LocalDate, Long> created) {
		Map<String, Object> params = new HashMap<>(p);
		params.put("agency", agencyId);
		Map<LocalDate, Object[]> byMonth = new HashMap<>();
		this.jdbc.sql(LEDGER + """
				select cast(date_trunc('month', created_at at time zone :zone) as date) as month,
				       coalesce(sum(amount) filter (where entry_type = 'GROSS'), 0) as revenue,
				       count(*) filter (where entry_type = 'GROSS') as bookings
				from le where cast(:agency as bigint) is null or agency_id = :agency group by 1
				""")
			.params(params)
			.query((rs, n) -> byMonth.put(rs.getObject("month", LocalDate.class),
					new Object[] { rs.getBigDecimal("revenue"), rs.getLong("bookings") }))
			.list();
		Map<LocalDate, Long> users = new HashMap<>();
		this.jdbc.sql("""
				select cast(date_trunc('month', created_at at time zone :zone) as date) as m, count(*) as users
				from user_facts where created_at >= :fromInstant and created_at < :toInstant
				  and (cast(:agency as bigint) is null or agency_id = :agency)
				group by 1
				""")
			.params(params)
			.query((rs, n) -> users.put(rs.getObject("m", LocalDate.class), rs.getLong("users")))
			.list();
		List<Month> months = new ArrayList<>();
		for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
			Object[] money = byMonth.get(m);
			months.add(new Month(m, money((BigDecimal) (money == null ? BigDecimal.ZERO : money[0])),
					money == null ? 0 : (Long) money[1], users.getOrDefault(m, 0L), created.getOrDefault(m, 0L)));
		}
		return months;
	}

	/**
	 * Listings created in the period by month (catalog's count), all or those of an
	 * agency's people.
	 */
	private Map<LocalDate, Long> createdListings(LocalDate from, LocalDate to, @Nullable Long agencyId) {
		@Nullable List<Long> owners = agencyId == null ? null
				: this.jdbc.sql("select id from user_facts where agency_id = :agency")
					.param("agency", agencyId)
					.query(Long.class)
					.list();
		return this.listings.createdByMonth(from.atStartOfDay(Zones.KAZAKHSTAN).toInstant(),
				to.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toInstant(), Zones.KAZAKHSTAN, owners);
	}

	static Map<String, Object> params(LocalDate from, LocalDate to) {
		Map<String, Object> p = new HashMap<>();
		p.put("from", from);
		p.put("to", to);
		p.put("fromInstant", from.atStartOfDay(Zones.KAZAKHSTAN).toOffsetDateTime());
		p.put("toInstant", to.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toOffsetDateTime());
		p.put("zone", Zones.KAZAKHSTAN.getId());
		return p;
	}

	private static Totals totals(ResultSet rs) throws SQLException {
		return new Totals(money(rs.getBigDecimal("revenue")), money(rs.getBigDecimal("refunds")),
				money(rs.getBigDecimal("commission")), money(rs.getBigDecimal("fees")),
				money(rs.getBigDecimal("payouts")), rs.getLong("bookings"));
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/** part / whole × 100, one decimal, half-up; 0 when the whole is 0. */
	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(1)
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
