package kz.zhilyego.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.notification.internal.Dispatcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monthly reports: on the 1st, two nodes running the job at once make each report
 * (the platform's, each agency's) exactly once; the superuser and each agency head get
 * one e-mail with the PDF (the head: the own team only), and the reports stay
 * downloadable to whom they are for.
 */
@IntegrationTest
class MonthlyReportsIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MonthlyReports reports;

	@Autowired
	Dispatcher dispatcher;

	Api api;

	AdminFixtures f;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		long studio = this.f.listing(this.f.realtorA, "Студия у Байтерека", 20_000);
		long house = this.f.listing(this.f.realtorB, "Дом с садом", 15_000);
		this.f.paid(studio, this.f.guest1, "2026-12-10", "2026-12-13");
		this.f.paid(house, this.f.guest2, "2026-12-15", "2026-12-17");
		// 1 January 2027, 06:00 in Astana: the job's hour
		this.clock.set(Instant.parse("2027-01-01T01:00:00Z"));
	}

	@Test
	void twoNodesAtOnceMakeEachReportOnceAndEveryoneGetsOneMailWithTheirPdf() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		try {
			for (int node = 0; node < 2; node++) {
				runs.add(nodes.submit(() -> {
					start.await();
					return this.reports.runForPreviousMonth();
				}));
			}
			start.countDown();
			int made = 0;
			for (Future<Integer> run : runs) {
				made += run.get();
			}
			assertThat(made).as("the platform's and both agencies' reports, once").isEqualTo(3);
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(this.reports.runForPreviousMonth()).as("a later run makes nothing").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from monthly_reports
				where month = date '2026-12-01' and pdf is not null and recipients = 1
				""").query(Long.class).single()).isEqualTo(3);

		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.dispatchDue();
			return reportMails().length >= 3;
		});
		MimeMessage[] mails = reportMails();
		assertThat(mails).hasSize(3);
		List<String> to = new ArrayList<>();
		for (MimeMessage mail : mails) {
			to.add(mail.getAllRecipients()[0].toString());
			assertThat(mail.getSubject()).contains("12.2026");
		}
		assertThat(to).containsExactlyInAnyOrder("root@test.kz", "head-a@test.kz", "head-b@test.kz");

		String platform = pdfText(mailTo(mails, "root@test.kz"));
		assertThat(platform).contains("Отчёт платформы ЖильеGO", "Альфа", "Бета");
		String alpha = pdfText(mailTo(mails, "head-a@test.kz"));
		assertThat(alpha).contains("Альфа").doesNotContain("Бета");
	}

	@Test
	void theReportsStayDownloadableToWhomTheyAreFor() {
		assertThat(this.reports.run(LocalDate.parse("2026-12-01"))).isEqualTo(3);
		long ofA = this.jdbc.sql("select id from monthly_reports where agency_id = :a")
			.param("a", this.f.agencyA)
			.query(Long.class)
			.single();
		long ofB = this.jdbc.sql("select id from monthly_reports where agency_id = :a")
			.param("a", this.f.agencyB)
			.query(Long.class)
			.single();
		String headA = this.f.bearer(this.f.headA);
		Api.Response own = this.api.get("/api/v1/agency/reports/monthly", "Authorization", headA);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json()).hasSize(1);
		assertThat(own.json().get(0).get("id").asLong()).isEqualTo(ofA);
		Api.Response pdf = this.api.get("/api/v1/agency/reports/monthly/" + ofA + ".pdf", "Authorization", headA);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		assertThat(this.api.get("/api/v1/agency/reports/monthly/" + ofB + ".pdf", "Authorization", headA).status())
			.as("another agency's report")
			.isEqualTo(404);
		Api.Response all = this.api.get("/api/v1/admin/reports/monthly", "Authorization",
				this.f.bearer(this.f.superuser));
		assertThat(all.json()).hasSize(3);
		assertThat(this.api
			.get("/api/v1/admin/reports/monthly/" + ofB + ".pdf", "Authorization", this.f.bearer(this.f.superuser))
			.status()).isEqualTo(200);
		assertThat(this.api
			.get("/api/v1/admin/reports/monthly/999999.pdf", "Authorization", this.f.bearer(this.f.superuser))
			.status()).isEqualTo(404);
	}

	@Test
	void theJobIsARecurringClusterTaskAtSixOnTheFirstOfTheMonthInAstana() {
		RecurringTask<?> task = this.context.getBean("monthlyReportTask", RecurringTask.class);
		assertThat(task.getName()).isEqualTo("monthly-reports");
		// one row for the whole cluster: whichever node picks it runs it
		List<java.sql.Timestamp> next = this.jdbc
			.sql("select execution_time from scheduled_tasks where task_name = 'monthly-reports'")
			.query(java.sql.Timestamp.class)
			.list();
		assertThat(next).hasSize(1);
		java.time.ZonedDateTime astana = next.get(0).toInstant().atZone(kz.zhilyego.common.Zones.KAZAKHSTAN);
		assertThat(astana.getDayOfMonth()).isEqualTo(1);
		assertThat(astana.toLocalTime()).isEqualTo(java.time.LocalTime.of(6, 0));
	}

	/** The monthly report mails (the bookings made for the data sent their own). */
	private static MimeMessage[] reportMails() throws Exception {
		List<MimeMessage> reports = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getSubject().startsWith("Отчёт ЖильеGO за")) {
				reports.add(mail);
			}
		}
		return reports.toArray(MimeMessage[]::new);
	}

	private static MimeMessage mailTo(MimeMessage[] mails, String address) throws Exception {
		for (MimeMessage mail : mails) {
			if (mail.getAllRecipients()[0].toString().equals(address)) {
				return mail;
			}
		}
		throw new AssertionError("no mail to " + address);
	}

	private static String pdfText(MimeMessage mail) throws Exception {
		byte[] pdf = attachedPdf(mail);
		assertThat(pdf).as("a PDF attached").isNotNull();
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static byte[] attachedPdf(Part part) throws Exception {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			assertThat(part.getContentType()).startsWith("application/pdf");
			return part.getInputStream().readAllBytes();
		}
		if (part.getContent() instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				byte[] found = attachedPdf(parts.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
