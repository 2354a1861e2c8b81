package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ReplicaReads;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.realtor.TeamSummary.MonthRevenue;
import kz.zhilyego.realtor.TeamSummary.RealtorStat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency head's team view ({@link TeamSummary}): a super admin sees own agency, the
 * superuser any agency by id; a realtor or user gets a 403. Built from the same SQL
 * blocks as {@link RealtorAnalytics} ({@code PERIOD_BOOKINGS}, {@code PERIOD_TOTALS}, the
 * night counts per owner), grouped by the listing's owner.
 */
@Service
public class TeamAnalytics {

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final AgencyTeam team;

	private final RealtorAnalytics analytics;

	private final RealtorProperties properties;

	TeamAnalytics(JdbcClient jdbc, StaffScopes scopes, AgencyTeam team, RealtorAnalytics analytics,
			RealtorProperties properties) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.team = team;
		this.analytics = analytics;
		this.properties = properties;
	}

	/** Every realtor of the agency with the period's numbers, and the team's totals. */
	record Team(long agencyId, String agencyName, LocalDate from, LocalDate to, List<RealtorStat> realtors,
			long bookedNights, long availableNights, List<MonthRevenue> revenueByMonth) {

		BigDecimal revenue() {
			return this.realtors.stream().map(RealtorStat::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		long bookings() {
			return this.realtors.stream().mapToLong(RealtorStat::bookings).sum();
		}

		long cancellations() {
			return this.realtors.stream().mapToLong(RealtorStat::cancellations).sum();
		}

		BigDecimal occupancyPercent() {
			return RealtorAnalytics.occupancy(this.bookedNights, this.availableNights);
		}

	}

	/**
	 * The team summary of an agency: own agency for a super admin ({@code agencyId} null
	 * or the own one; another is a 404), the given agency for the superuser (required).
	 */
	@Transactional(readOnly = true)
	@ReplicaReads
	public TeamSummary summary(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Integer page, @Nullable Integer size) {
		RealtorProperties.Paging paging = this.properties.paging(page, size);
		return summary(team(user, agencyId, from, to), paging.page(), paging.size());
	}

	/**
	 * The whole team summary on one page (every realtor): the reports' data, same access
	 * as {@link #summary(CurrentUser, Long, LocalDate, LocalDate, Integer, Integer)}.
	 */
	@Transactional(readOnly = true)
	public TeamSummary wholeSummary(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		Team team = team(user, agencyId, from, to);
		return summary(team, 0, Math.max(1, team.realtors().size()));
	}

	private TeamSummary summary(Team team, int pageNo, int pageSize) {
		List<RealtorStat> all = team.realtors();
		List<RealtorStat> pageItems = all.stream().skip((long) pageNo * pageSize).limit(pageSize).toList();
		return new TeamSummary(team.agencyId(), team.agencyName(), team.from(), team.to(), "KZT", team.revenue(),
				team.bookings(), team.cancellations(), team.bookedNights(), team.availableNights(),
				team.occupancyPercent(),
				top(all, s -> s.revenue().signum() > 0,
						Comparator.comparing(RealtorStat::revenue)
							.reversed()
							.thenComparing(Comparator.comparingLong(RealtorStat::bookings).reversed())),
				top(all, s -> s.bookings() > 0,
						Comparator.comparingLong(RealtorStat::bookings)
							.reversed()
							.thenComparing(Comparator.comparing(RealtorStat::revenue).reversed())),
				new PageResult<>(all.size(), pageNo, pageSize, pageItems), team.revenueByMonth());
	}

	/**
	 * Which agency the caller may see: own for a super admin, the requested one for the
	 * superuser; 403 for anyone else.
	 */
	long agencyFor(CurrentUser user, @Nullable Long requested) {
		this.scopes.of(user);
		if (user.has(Role.SUPERUSER)) {
			if (requested == null) {
				throw ProblemException.invalidField("agencyId", "realtor.field.required");
			}
			if (this.team.agencyName(requested).isEmpty()) {
				throw ProblemException.notFound("realtor.team.agencyNotFound");
			}
			return requested;
		}
		Long own = this.team.agencyOfHead(user).orElse(null);
		if (own == null) {
			throw ProblemException.forbidden("realtor.team.headOnly");
		}
		if (requested != null && !requested.equals(own)) {
			throw ProblemException.notFound("realtor.team.agencyNotFound");
		}
		return own;
	}

	/** Whether the caller heads an agency (the team page and its navigation link). */
	@Transactional(readOnly = true)
	public boolean isHead(CurrentUser user) {
		return user.has(Role.SUPER_ADMIN) && this.team.agencyOfHead(user).isPresent();
	}

	/**
	 * Active realtors of the head's agency, for the {@code realtorId} filters of the
	 * listing and booking pages; empty for anyone but a head.
	 */
	@Transactional(readOnly = true)
	public List<AgencyTeam.Member> realtorOptions(CurrentUser user) {
		if (!user.has(Role.SUPER_ADMIN)) {
			return List.of();
		}
		return this.team.agencyOfHead(user)
			.map(a -> this.team.members(a).stream().filter(AgencyTeam.Member::active).toList())
			.orElse(List.of());
	}

	Team team(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to) {
		long agency = agencyFor(user, agencyId);
		this.analytics.checkPeriod(from, to);
		String name = this.team.agencyName(agency).orElse("");
		List<AgencyTeam.Member> members = this.team.members(agency);
		Set<Long> ids = members.stream().map(AgencyTeam.Member::id).collect(Collectors.toSet());
		// the agency's realtors, active or not, as the owners in scope
		AccessScope scope = new AccessScope(user.id(), AccessScope.Kind.AGENCY, ids);
		Map<String, Object> p = RealtorAnalytics.params(scope, from, to);
		record Totals(BigDecimal gross, BigDecimal refunds, BigDecimal revenue, long bookings, long cancellations) {
		}
		Map<Long, Totals> totals = new HashMap<>();
		this.jdbc
			.sql(RealtorAnalytics.PERIOD_BOOKINGS + "select listing_owner_id, " + RealtorAnalytics.PERIOD_TOTALS
					+ " from pb group by listing_owner_id")
			.params(p)
			.query((rs, n) -> totals.put(rs.getLong("listing_owner_id"),
					new Totals(RealtorAnalytics.money(rs.getBigDecimal("gross")),
							RealtorAnalytics.money(rs.getBigDecimal("refunds")),
							RealtorAnalytics.money(rs.getBigDecimal("revenue")), rs.getLong("bookings"),
							rs.getLong("cancellations"))))
			.list();
		Map<Long, long[]> listings = new HashMap<>();
		this.jdbc.sql("""
				select l.owner_id, count(*) as listings, count(*) filter (where l.status = 'ACTIVE') as active
				from listing_facts l where %s group by l.owner_id
				""".formatted(StaffScopes.LISTING_IN_SCOPE))
			.params(p)
			.query((rs, n) -> listings.put(rs.getLong("owner_id"),
					new long[] { rs.getLong("listings"), rs.getLong("active") }))
			.list();
		Map<Long, RealtorAnalytics.Nights> nights = this.analytics.nightsByOwner(p);
		Totals none = new Totals(RealtorAnalytics.money(BigDecimal.ZERO), RealtorAnalytics.money(BigDecimal.ZERO),
				RealtorAnalytics.money(BigDecimal.ZERO), 0, 0);
		RealtorAnalytics.Nights noNights = new RealtorAnalytics.Nights(0, 0, 0);
		List<RealtorStat> stats = members.stream().map(m -> {
			Totals t = totals.getOrDefault(m.id(), none);
			long[] l = listings.getOrDefault(m.id(), new long[2]);
			RealtorAnalytics.Nights n = nights.getOrDefault(m.id(), noNights);
			long available = n.available();
			return new RealtorStat(m.id(), m.name(), m.phone(), m.email(), m.active(), l[0], l[1], t.bookings(),
					t.cancellations(), t.gross(), t.refunds(), t.revenue(), n.booked(), available,
					RealtorAnalytics.occupancy(n.booked(), available));
		}).toList();
		long booked = stats.stream().mapToLong(RealtorStat::bookedNights).sum();
		long available = stats.stream().mapToLong(RealtorStat::availableNights).sum();
		return new Team(agency, name, from, to, stats, booked, available, months(p, from, to));
	}

	private List<MonthRevenue> months(Map<String, Object> p, LocalDate from, LocalDate to) {
		Map<LocalDate, BigDecimal> byMonth = new HashMap<>();
		this.jdbc.sql(RealtorAnalytics.PERIOD_BOOKINGS + """
				select cast(date_trunc('month', check_in) as date) as month, coalesce(sum(net), 0) as revenue
				from pb group by 1
				""")
			.params(p)
			.query((rs, n) -> byMonth.put(rs.getObject("month", LocalDate.class), rs.getBigDecimal("revenue")))
			.list();
		List<MonthRevenue> months = new java.util.ArrayList<>();
		for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(new MonthRevenue(m, RealtorAnalytics.money(byMonth.getOrDefault(m, BigDecimal.ZERO))));
		}
		return months;
	}

	/**
	 * The first five by {@code order} among those with something to rank by (a top by
	 * bookings never lists a realtor with none).
	 */
	private static List<RealtorStat> top(List<RealtorStat> all, java.util.function.Predicate<RealtorStat> counts,
			Comparator<RealtorStat> order) {
		return all.stream().filter(counts).sorted(order.thenComparingLong(RealtorStat::realtorId)).limit(5).toList();
	}

}
