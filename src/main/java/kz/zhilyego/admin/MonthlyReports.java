package kz.zhilyego.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.notification.Attachments;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.realtor.TeamAnalytics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly reports: on the 1st (the job in {@link AdminJobs}) the previous month's PDF
 * of the platform goes to every superuser and each agency's PDF to its head, by e-mail
 * with the file attached, and stays downloadable. Cluster-safe without a lock: each
 * report (month × audience) is claimed by inserting its row under a unique index, in the
 * same transaction that renders it, stores it and enqueues the e-mails (outbox); a second
 * node running at the same time waits on the index and then finds the row taken, so it
 * sends nothing. Reports are rendered in Russian, the platform's default language.
 */
@Service
public class MonthlyReports implements Attachments {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

	private static final String REF = "monthly-report:";

	private static final Locale LOCALE = Locale.forLanguageTag("ru");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

	/** The job's identity: platform scope, nobody's account. */
	private static final CurrentUser SYSTEM = new CurrentUser(0, "system", Set.of(Role.SUPERUSER), null, Language.RU);

	private final JdbcClient jdbc;

	private final PlatformReports reports;

	private final TeamAnalytics team;

	private final ReportFiles files;

	private final Notifications notifications;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	MonthlyReports(JdbcClient jdbc, PlatformReports reports, TeamAnalytics team, ReportFiles files,
			Notifications notifications, TransactionTemplate transactions, Clock clock,
			NotificationProperties notification) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.team = team;
		this.files = files;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = notification.publicBaseUrl().replaceAll("/+$", "");
	}

	/** A stored monthly report (without the file). */
	public record Report(long id, LocalDate month, @Nullable Long agencyId, @Nullable String agencyName,
			String fileName, Instant createdAt, int recipients) {
	}

	/**
	 * Makes and sends the previous month's reports (relative to today in Astana) that no
	 * node made yet; returns how many this call made.
	 */
	public int runForPreviousMonth() {
		LocalDate month = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)).minusMonths(1).withDayOfMonth(1);
		return run(month);
	}

	/** Makes and sends the reports of {@code month} that no node made yet. */
	public int run(LocalDate month) {
		int made = 0;
		if (Boolean.TRUE.equals(this.transactions.execute(status -> platform(month)))) {
			made++;
		}
		List<Long> agencies = this.jdbc.sql("select id from agency_facts where head_id is not null order by id")
			.query(Long.class)
			.list();
		for (long agency : agencies) {
			if (Boolean.TRUE.equals(this.transactions.execute(status -> agency(month, agency)))) {
				made++;
			}
		}
		if (made > 0) {
			log.info("Monthly reports for {}: {} made and sent", month.format(MONTH), made);
		}
		return made;
	}

	private boolean platform(LocalDate month) {
		LocalDate to = month.plusMonths(1).minusDays(1);
		ReportDocument document = this.reports.platformDocument(month, to, LOCALE);
		Optional<Long> claimed = claim(month, null, document.fileName() + ".pdf");
		if (claimed.isEmpty()) {
			return false;
		}
		long id = claimed.get();
		store(id, this.files.write(document, ReportFiles.Format.PDF));
		List<Recipient> superusers = this.jdbc.sql("""
				select u.id, u.email, u.language from user_facts u
				where 'SUPERUSER' = any(u.roles) and u.status = 'ACTIVE' and u.email is not null order by u.id
				""")
			.query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("language")))
			.list();
		send(id, month, superusers, this.baseUrl + "/admin/reports/monthly/" + id + ".pdf");
		return true;
	}

	private boolean agency(LocalDate month, long agencyId) {
		LocalDate to = month.plusMonths(1).minusDays(1);
		ReportDocument document = this.reports.agencyDocument(this.team.wholeSummary(SYSTEM, agencyId, month, to),
				LOCALE);
		Optional<Long> claimed = claim(month, agencyId, document.fileName() + ".pdf");
		if (claimed.isEmpty()) {
			return false;
		}
		long id = claimed.get();
		store(id, this.files.write(document, ReportFiles.Format.PDF));
		List<Recipient> head = this.jdbc.sql("""
				select u.id, u.email, u.language from agency_facts a join user_facts u on u.id = a.head_id
				where a.id = :agency and u.status = 'ACTIVE' and u.email is not null
				""")
			.param("agency", agencyId)
			.query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("language")))
			.list();
		send(id, month, head, this.baseUrl + "/realtor/team/reports/" + id + ".pdf");
		return true;
	}

	private record Recipient(long id, String email, String language) {
	}

	/** Inserts the report's row unless another node did; the row id when this one did. */
	private Optional<Long> claim(LocalDate month, @Nullable Long agencyId, String fileName) {
		return this.jdbc.sql("""
				insert into monthly_reports (month, agency_id, created_at, file_name)
				values (:month, :agency, :now, :file)
				on conflict do nothing
				returning id
				""")
			.param("month", month)
			.param("agency", agencyId)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("file", fileName)
			.query(Long.class)
			.optional();
	}

	private void store(long id, byte[] pdf) {
		this.jdbc.sql("update monthly_reports set pdf = :pdf, finished_at = :now where id = :id")
			.param("pdf", pdf)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	private void send(long id, LocalDate month, List<Recipient> recipients, String url) {
		int sent = 0;
		for (Recipient recipient : recipients) {
			OutgoingMessage message = OutgoingMessage
				.builder(NotificationKind.MONTHLY_REPORT, "monthly-report:" + id + ":" + recipient.id())
				.recipient(recipient.id(), Language.ofCode(recipient.language()))
				.param("period", month.format(MONTH))
				.param("reportUrl", url)
				.attachment(REF + id)
				.email(recipient.email());
			if (this.notifications.enqueue(message)) {
				sent++;
			}
		}
		this.jdbc.sql("update monthly_reports set recipients = :n where id = :id")
			.param("n", sent)
			.param("id", id)
			.update();
	}

	/**
	 * The stored reports, newest first: all (agencyId null and all true) or one agency's.
	 */
	public List<Report> list(@Nullable Long agencyId, boolean all) {
		return this.jdbc.sql("""
				select r.id, r.month, r.agency_id, a.name, r.file_name, r.created_at, r.recipients
				from monthly_reports r left join agency_facts a on a.id = r.agency_id
				where r.pdf is not null and (:all or r.agency_id = :agency)
				order by r.month desc, r.agency_id nulls first, r.id desc limit 500
				""")
			.param("all", all)
			.param("agency", agencyId == null ? -1L : agencyId)
			.query((rs, n) -> new Report(rs.getLong("id"), rs.getObject("month", LocalDate.class),
					rs.getObject("agency_id", Long.class), rs.getString("name"), rs.getString("file_name"),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("recipients")))
			.list();
	}

	/**
	 * A report's PDF: the superuser any, an agency head only own agency's (another is
	 * "not found").
	 */
	public Attachment download(CurrentUser user, long id, @Nullable Long headOfAgency) {
		record Stored(@Nullable Long agencyId, String fileName, byte[] pdf) {
		}
		Stored stored = this.jdbc
			.sql("select agency_id, file_name, pdf from monthly_reports where id = :id and pdf is not null")
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getObject("agency_id", Long.class), rs.getString("file_name"),
					rs.getBytes("pdf")))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("admin.report.notFound"));
		boolean allowed = user.has(Role.SUPERUSER)
				|| (headOfAgency != null && headOfAgency.equals(stored.agencyId()) && user.has(Role.SUPER_ADMIN));
		if (!allowed) {
			throw ProblemException.notFound("admin.report.notFound");
		}
		return new Attachment(stored.fileName(), "application/pdf", stored.pdf());
	}

	@Override
	public Optional<Attachment> resolve(String ref) {
		if (!ref.startsWith(REF)) {
			return Optional.empty();
		}
		long id;
		try {
			id = Long.parseLong(ref.substring(REF.length()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return this.jdbc.sql("select file_name, pdf from monthly_reports where id = :id and pdf is not null")
			.param("id", id)
			.query((rs, n) -> new Attachment(rs.getString("file_name"), "application/pdf", rs.getBytes("pdf")))
			.optional();
	}

}
