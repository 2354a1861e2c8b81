package kz.zhilyego.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.admin.PlatformSummary.Ranked;
import kz.zhilyego.admin.ReportDocument.Chart;
import kz.zhilyego.admin.ReportDocument.Figure;
import kz.zhilyego.admin.ReportDocument.Table;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.AnalyticsSummary;
import kz.zhilyego.realtor.BookingReports;
import kz.zhilyego.realtor.RealtorReport;
import kz.zhilyego.realtor.TeamAnalytics;
import kz.zhilyego.realtor.TeamSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports as documents, in the reader's language, for every format
 * ({@link ReportFiles}):
 * <ul>
 * <li>platform: the {@link PlatformSummary} (ledger money, counts, rates, rankings, every
 * agency with the independents and the total, months);</li>
 * <li>agency: the team page's numbers ({@link TeamAnalytics}: every realtor, the tops,
 * revenue by month);</li>
 * <li>realtor: one realtor's analytics and bookings ({@link RealtorReport}).</li>
 * </ul>
 * Every export is audited ({@code report.exported}).
 */
@Service
public class PlatformReports {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

	private final PlatformAnalytics analytics;

	private final TeamAnalytics team;

	private final RealtorReport realtors;

	private final ReportFiles files;

	private final MessageSource messages;

	private final AuditLog audit;

	PlatformReports(PlatformAnalytics analytics, TeamAnalytics team, RealtorReport realtors, ReportFiles files,
			MessageSource messages, AuditLog audit) {
		this.analytics = analytics;
		this.team = team;
		this.realtors = realtors;
		this.files = files;
		this.messages = messages;
		this.audit = audit;
	}

	/** A file to send: name, content type and bytes. */
	public record File(String name, String contentType, byte[] content) {
	}

	/** The platform report (superuser). */
	@Transactional
	public File platform(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to, ReportFiles.Format format,
			Locale locale) {
		SettingsAdmin.requireSuperuser(user);
		ReportDocument document = platformDocument(from, to, locale);
		return export(user, document, format, "platform", null);
	}

	/**
	 * An agency's report: the superuser any agency ({@code agencyId} required), a head
	 * own agency (null or the own id).
	 */
	@Transactional
	public File agency(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to,
			ReportFiles.Format format, Locale locale) {
		ReportDocument document = agencyDocument(this.team.wholeSummary(user, agencyId, from, to), locale);
		return export(user, document, format, "agency", document.fileName());
	}

	/** One realtor's report (a head: own agency's realtors; the superuser: anyone). */
	@Transactional
	public File realtor(CurrentUser user, long realtorId, @Nullable LocalDate from, @Nullable LocalDate to,
			ReportFiles.Format format, Locale locale) {
		ReportDocument document = realtorDocument(this.realtors.of(user, realtorId, from, to), locale);
		return export(user, document, format, "realtor", String.valueOf(realtorId));
	}

	private File export(CurrentUser user, ReportDocument document, ReportFiles.Format format, String subject,
			@Nullable String subjectId) {
		byte[] bytes = this.files.write(document, format);
		this.audit.record(user.id(), "report.exported", subject, subjectId,
				Map.of("format", format.extension(), "file", document.fileName()));
		return new File(document.fileName() + "." + format.extension(), format.contentType(), bytes);
	}

	public ReportDocument platformDocument(@Nullable LocalDate from, @Nullable LocalDate to, Locale locale) {
		PlatformSummary s = this.analytics.summary(from, to);
		PageResult<PlatformAnalytics.AgencyStat> agencies = this.analytics.agencies(from, to, 0, 100);
		List<Figure> figures = List.of(figure("revenue", s.revenue(), locale), figure("refunds", s.refunds(), locale),
				figure("netRevenue", s.netRevenue(), locale), figure("commission", s.commission(), locale),
				figure("providerFees", s.providerFees(), locale), figure("platformNet", s.platformNet(), locale),
				figure("realtorPayouts", s.realtorPayouts(), locale), figure("paidBookings", s.paidBookings(), locale),
				figure("users", s.counts().users(), locale), figure("newUsers", s.counts().newUsers(), locale),
				figure("realtors", s.counts().realtors(), locale), figure("agencies", s.counts().agencies(), locale),
				figure("activeListings", s.counts().activeListings(), locale),
				figure("newListings", s.counts().newListings(), locale),
				figure("conversion", s.rates().conversionPercent(), locale),
				figure("cancellation", s.rates().cancellationPercent(), locale),
				figure("occupancy", s.rates().occupancyPercent(), locale));
		List<Chart> charts = List.of(
				new Chart(t("admin.report.chart.topAgencies", locale), Chart.Kind.BAR,
						s.topAgencies().stream().map(Ranked::name).toList(),
						s.topAgencies().stream().map(r -> (Number) r.revenue()).toList()),
				new Chart(t("admin.report.chart.months", locale), Chart.Kind.LINE,
						s.trends().stream().map(m -> m.month().format(MONTH)).toList(),
						s.trends().stream().map(m -> (Number) m.revenue()).toList()));
		List<List<Object>> agencyRows = new ArrayList<>();
		for (PlatformAnalytics.AgencyStat a : agencies.items()) {
			agencyRows.add(List.of(a.name(), a.realtors(), a.listings(), a.totals().revenue(), a.totals().refunds(),
					a.totals().commission(), a.totals().providerFees(), a.totals().paidBookings(),
					a.occupancyPercent()));
		}
		PlatformSummary.Totals ind = s.independents();
		agencyRows.add(List.of(t("admin.report.independents", locale), "", "", ind.revenue(), ind.refunds(),
				ind.commission(), ind.providerFees(), ind.paidBookings(), ""));
		agencyRows
			.add(List.of(t("admin.report.total", locale), s.counts().realtors(), s.counts().listings(), s.revenue(),
					s.refunds(), s.commission(), s.providerFees(), s.paidBookings(), s.rates().occupancyPercent()));
		List<Table> tables = new ArrayList<>();
		tables.add(new Table(t("admin.report.table.agencies", locale), headers(locale, "name", "realtors", "listings",
				"revenue", "refunds", "commission", "providerFees", "paidBookings", "occupancy"), agencyRows));
		tables.add(ranking(t("admin.report.table.topListings", locale), s.topListingsByRevenue(), locale));
		tables.add(ranking(t("admin.report.table.topRealtors", locale), s.topRealtorsByRevenue(), locale));
		tables.add(ranking(t("admin.report.table.topUsers", locale), s.topUsersByRevenue(), locale));
		tables.add(new Table(t("admin.report.table.months", locale),
				headers(locale, "month", "revenue", "paidBookings", "newUsers", "newListings"),
				s.trends()
					.stream()
					.map(m -> List.<Object>of(m.month().format(MONTH), m.revenue(), m.bookings(), m.newUsers(),
							m.newListings()))
					.toList()));
		tables.add(new Table(t("admin.report.table.bookingsByStatus", locale), headers(locale, "status", "count"),
				s.counts()
					.bookingsByStatus()
					.entrySet()
					.stream()
					.map(e -> List.<Object>of(t("admin.status." + e.getKey(), locale), e.getValue()))
					.toList()));
		return new ReportDocument("zhilyego-platform-" + s.from() + "-" + s.to(),
				t("admin.report.platformTitle", locale), period(s.from(), s.to(), locale), figures, charts, tables);
	}

	public ReportDocument agencyDocument(TeamSummary s, Locale locale) {
		List<Figure> figures = List.of(figure("teamRevenue", s.revenue(), locale),
				figure("bookings", s.bookings(), locale), figure("cancellations", s.cancellations(), locale),
				figure("occupancy", s.occupancyPercent(), locale), figure("realtors", s.realtors().total(), locale));
		List<Chart> charts = List.of(
				new Chart(t("admin.report.chart.topRealtors", locale), Chart.Kind.BAR,
						s.topByRevenue().stream().map(TeamSummary.RealtorStat::name).toList(),
						s.topByRevenue().stream().map(r -> (Number) r.revenue()).toList()),
				new Chart(t("admin.report.chart.months", locale), Chart.Kind.LINE,
						s.revenueByMonth().stream().map(m -> m.month().format(MONTH)).toList(),
						s.revenueByMonth().stream().map(m -> (Number) m.revenue()).toList()));
		List<Table> tables = List.of(
				new Table(t("admin.report.table.realtors", locale),
						headers(locale, "name", "listings", "bookings", "cancellations", "grossRevenue", "refunds",
								"revenue", "occupancy"),
						s.realtors()
							.items()
							.stream()
							.map(r -> List.<Object>of(r.name(), r.listings(), r.bookings(), r.cancellations(),
									r.grossRevenue(), r.refunds(), r.revenue(), r.occupancyPercent()))
							.toList()),
				new Table(t("admin.report.table.months", locale), headers(locale, "month", "revenue"),
						s.revenueByMonth()
							.stream()
							.map(m -> List.<Object>of(m.month().format(MONTH), m.revenue()))
							.toList()));
		return new ReportDocument("zhilyego-agency-" + s.agencyId() + "-" + s.from() + "-" + s.to(),
				t("admin.report.agencyTitle", locale, s.agencyName()), period(s.from(), s.to(), locale), figures,
				charts, tables);
	}

	public ReportDocument realtorDocument(RealtorReport.Detail d, Locale locale) {
		AnalyticsSummary s = d.summary();
		List<Figure> figures = List.of(figure("grossRevenue", s.grossRevenue(), locale),
				figure("refunds", s.refunds(), locale), figure("revenueNet", s.revenue(), locale),
				figure("bookings", s.bookings(), locale), figure("cancellations", s.cancellations(), locale),
				figure("occupancy", s.occupancyPercent(), locale));
		List<Chart> charts = List.of(
				new Chart(t("admin.report.chart.topListings", locale), Chart.Kind.BAR,
						s.topListingsByRevenue().stream().map(AnalyticsSummary.ListingStat::title).toList(),
						s.topListingsByRevenue().stream().map(l -> (Number) l.revenue()).toList()),
				new Chart(t("admin.report.chart.days", locale), Chart.Kind.LINE,
						s.revenueByDay().stream().map(p -> p.date().format(DAY)).toList(),
						s.revenueByDay().stream().map(p -> (Number) p.revenue()).toList()));
		List<Table> tables = List.of(
				new Table(t("admin.report.table.topListings", locale), headers(locale, "name", "revenue", "bookings"),
						s.topListingsByRevenue()
							.stream()
							.map(l -> List.<Object>of(l.title(), l.revenue(), l.bookings()))
							.toList()),
				new Table(t("admin.report.table.reasons", locale), headers(locale, "reason", "count"),
						s.cancellationReasons().stream().map(r -> List.<Object>of(r.reason(), r.count())).toList()),
				new Table(t("admin.report.table.bookings", locale),
						headers(locale, "listing", "guest", "checkIn", "nights", "status", "total", "revenue"),
						d.bookings()
							.stream()
							.map((BookingReports.ReportRow b) -> List.<Object>of(b.listing(), b.guest(),
									b.checkIn().format(DAY), (long) b.nights(), t("admin.status." + b.status(), locale),
									b.total(), b.revenue()))
							.toList()));
		return new ReportDocument("zhilyego-realtor-" + d.realtor().id() + "-" + s.from() + "-" + s.to(),
				t("admin.report.realtorTitle", locale, d.realtor().name()), period(s.from(), s.to(), locale), figures,
				charts, tables);
	}

	private Table ranking(String title, List<Ranked> ranked, Locale locale) {
		return new Table(title, headers(locale, "name", "revenue", "paidBookings"),
				ranked.stream().map(r -> List.<Object>of(r.name(), r.revenue(), r.bookings())).toList());
	}

	private List<String> headers(Locale locale, String... names) {
		return java.util.Arrays.stream(names).map(n -> t("admin.report.column." + n, locale)).toList();
	}

	private Figure figure(String name, Object value, Locale locale) {
		return new Figure(t("admin.report.figure." + name, locale), value instanceof BigDecimal b ? b : value);
	}

	private String period(LocalDate from, LocalDate to, Locale locale) {
		return t("admin.report.period", locale, from.format(DAY), to.format(DAY));
	}

	private String t(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
