package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.AuditTrail;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * More of the agency head's team view (seed 001, scenario 10): the team's occupancy heat
 * map (realtor × day), the realtors compared month by month, and one realtor's activity.
 * Same access as the team summary ({@link TeamAnalytics#agencyFor}); occupancy counts the
 * listings that were ACTIVE on each day.
 */
@Service
public class TeamInsights {

	private final JdbcClient jdbc;

	private final TeamAnalytics team;

	private final RealtorAnalytics analytics;

	private final AgencyTeam agencies;

	private final AuditTrail trail;

	private final RealtorProperties properties;

	TeamInsights(JdbcClient jdbc, TeamAnalytics team, RealtorAnalytics analytics, AgencyTeam agencies, AuditTrail trail,
			RealtorProperties properties) {
		this.jdbc = jdbc;
		this.team = team;
		this.analytics = analytics;
		this.agencies = agencies;
		this.trail = trail;
		this.properties = properties;
	}

	/**
	 * Realtor × day: {@code cells[i]} is the occupancy of {@code days[i]} in percent
	 * (booked over active listings that day, whole numbers), null when the realtor had no
	 * active listing that day. At most {@code heat-map-days} days from the period start.
	 */
	public record HeatMap(long agencyId, List<LocalDate> days, List<HeatRow> rows) {
	}

	public record HeatRow(long realtorId, String name, List<@Nullable Integer> cells) {
	}

	/**
	 * Realtors × months: revenue and bookings of each calendar month touching the period.
	 */
	public record Months(long agencyId, List<LocalDate> months, List<MonthRow> rows) {
	}

	public record MonthRow(long realtorId, String name, List<BigDecimal> revenue, List<Long> bookings) {
	}

	/** What a realtor did lately. */
	public record Activity(AgencyTeam.Member realtor, List<ListingEvent> listingChanges,
			PageResult<AuditTrail.Entry> events) {
	}

	public record ListingEvent(long listingId, String title, String action, Instant at, String byName) {
	}

	@Transactional(readOnly = true)
	public HeatMap heatMap(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		long agency = this.team.agencyFor(user, agencyId);
		this.analytics.checkPeriod(from, to);
		LocalDate end = to.plusDays(1);
		if (ChronoUnit.DAYS.between(from, end) > this.properties.heatMapDays()) {
			end = from.plusDays(this.properties.heatMapDays());
		}
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = from; d.isBefore(end); d = d.plusDays(1)) {
			days.add(d);
		}
		List<AgencyTeam.Member> members = this.agencies.members(agency);
		Map<String, Object> p = RealtorAnalytics.params(scope(user, members), from, end.minusDays(1));
		Map<Long, int[][]> counts = new HashMap<>();
		members.forEach(m -> counts.put(m.id(), new int[days.size()][2]));
		this.jdbc.sql("""
				with days as (
				    select cast(d as date) as day from generate_series(cast(:from as date), cast(:to as date),
				                                                    interval '1 day') d
				), active as (
				    select distinct h.listing_id, l.owner_id, days.day
				    from listing_status_history h join listing_facts l on l.id = h.listing_id
				    join days on h.since < (cast(days.day + 1 as timestamp) at time zone :zone)
				             and (h.until is null or h.until > (cast(days.day as timestamp) at time zone :zone))
				    where %s and h.status = 'ACTIVE'
				)
				select a.owner_id, a.day, count(*) as listings,
				       count(*) filter (where exists (
				           select 1 from stay_facts b where b.listing_id = a.listing_id
				             and b.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')
				             and b.check_in <= a.day and b.check_out > a.day)) as booked
				from active a group by a.owner_id, a.day
				""".formatted(StaffScopes.LISTING_IN_SCOPE)).params(p).query((rs, n) -> {
			int[][] row = counts.get(rs.getLong("owner_id"));
			if (row != null) {
				int i = (int) ChronoUnit.DAYS.between(from, rs.getObject("day", LocalDate.class));
				row[i][0] = rs.getInt("listings");
				row[i][1] = rs.getInt("booked");
			}
			return null;
		}).list();
		List<HeatRow> rows = members.stream().map(m -> {
			List<@Nullable Integer> cells = new ArrayList<>();
			for (int[] cell : counts.get(m.id())) {
				cells.add(cell[0] == 0 ? null : Math.round(cell[1] * 100f / cell[0]));
			}
			return new HeatRow(m.id(), m.name(), cells);
		}).toList();
		return new HeatMap(agency, days, rows);
	}

	@Transactional(readOnly = true)
	public Months months(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to) {
		long agency = this.team.agencyFor(user, agencyId);
		this.analytics.checkPeriod(from, to);
		List<AgencyTeam.Member> members = this.agencies.members(agency);
		Map<String, Object> p = RealtorAnalytics.params(scope(user, members), from, to);
		List<LocalDate> months = new ArrayList<>();
		for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(m);
		}
		Map<Long, Map<LocalDate, Object[]>> values = new HashMap<>();
		this.jdbc
			.sql(RealtorAnalytics.PERIOD_BOOKINGS
					+ """
							select listing_owner_id, cast(date_trunc('month', check_in) as date) as month, coalesce(sum(net), 0) as revenue,
							       count(*) filter (where status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')) as bookings
							from pb group by 1, 2
							""")
			.params(p)
			.query((rs, n) -> values.computeIfAbsent(rs.getLong("listing_owner_id"), k -> new HashMap<>())
				.put(rs.getObject("month", LocalDate.class),
						new Object[] { rs.getBigDecimal("revenue"), rs.getLong("bookings") }))
			.list();
		List<MonthRow> rows = members.stream().map(m -> {
			Map<LocalDate, Object[]> mine = values.getOrDefault(m.id(), Map.of());
			return new MonthRow(m.id(), m.name(),
					months.stream()
						.map(month -> RealtorAnalytics
							.money(mine.containsKey(month) ? (BigDecimal) mine.get(month)[0] : BigDecimal.ZERO))
						.toList(),
					months.stream().map(month -> mine.containsKey(month) ? (Long) mine.get(month)[1] : 0L).toList());
		}).toList();
		return new Months(agency, months, rows);
	}

	/**
	 * A realtor's recent activity for the head of the realtor's agency (another agency's
	 * realtor: "not found"): changes to the realtor's listings and the realtor's own
	 * audit entries (sign-ins, changes, code reveals).
	 */
	@Transactional(readOnly = true)
	public Activity activity(CurrentUser user, @Nullable Long agencyId, long realtorId) {
		long agency = this.team.agencyFor(user, agencyId);
		AgencyTeam.Member realtor = this.agencies.members(agency)
			.stream()
			.filter(m -> m.id() == realtorId)
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("realtor.realtorNotFound"));
		List<ListingEvent> changes = this.jdbc.sql("""
				select c.listing_id, l.title, c.action, c.changed_at, u.name
				from listing_changes c join listing_facts l on l.id = c.listing_id
				join user_names u on u.id = c.changed_by
				where l.owner_id = :realtor
				order by c.changed_at desc, c.id desc limit 50
				""")
			.param("realtor", realtorId)
			.query((rs, n) -> new ListingEvent(rs.getLong("listing_id"), rs.getString("title"), rs.getString("action"),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("name")))
			.list();
		return new Activity(realtor, changes,
				this.trail.search(new AuditTrail.Filter(realtorId, null, null, null, null, null, null), 0, 50));
	}

	private static AccessScope scope(CurrentUser user, List<AgencyTeam.Member> members) {
		Set<Long> ids = members.stream().map(AgencyTeam.Member::id).collect(Collectors.toSet());
		return new AccessScope(user.id(), AccessScope.Kind.AGENCY, ids);
	}

}
