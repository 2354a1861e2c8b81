package kz.zhilyego.realtor;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.internal.MessageRenderer;
import kz.zhilyego.notification.internal.RenderedMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads is words, never an enum code: the main pages of a guest, a realtor
 * and the platform owner (with bookings in every status and cancellations for every
 * reason), the analytics legend, the CSV export and every message in every language are
 * scanned for the constants of the application's enums.
 */
@IntegrationTest
class NoEnumCodesIT {

	/** Enum constants that are also plain words or format names people read. */
	private static final Set<String> WORDS = Set.of("JPEG", "PNG", "WEBP", "CSV", "XLSX", "PDF");

	private static final Set<String> CODES = enumCodes();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageRenderer renderer;

	@Autowired
	Clock clock;

	long listing;

	final Map<String, UUID> bookings = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures ids = new IdentityFixtures(this.jdbc);
		long guest = ids.user("codes-guest@test.kz");
		long realtor = ids.realtor("codes-realtor@test.kz", null);
		ids.superuser("codes-root@test.kz");
		this.listing = new CatalogFixtures(this.jdbc, this.clock).listing()
			.owner(realtor)
			.title("Квартира без кодов")
			.create();
		RealtorFixtures fixtures = new RealtorFixtures(this.jdbc, this.clock);
		int day = 1;
		for (String status : List.of("HOLD", "CONFIRMED", "CHECKED_IN", "COMPLETED", "EXPIRED")) {
			this.bookings.put(status, fixtures.booking(this.listing, guest, "Гость", date(day), date(day + 2), status,
					40_000, !status.equals("HOLD") && !status.equals("EXPIRED"), null, null));
			day += 3;
		}
		for (CancellationReason reason : CancellationReason.values()) {
			this.bookings.put(reason.name(), fixtures.booking(this.listing, guest, "Гость", date(day), date(day + 1),
					"CANCELLED", 20_000, true, 10_000L, reason.name()));
			day += 2;
		}
	}

	@Test
	void noPageShowsAnEnumCode() {
		List<String> guestPages = new ArrayList<>(List.of("/", "/search", "/account/bookings", "/account/notifications",
				"/account/favorites", "/account/profile", "/account/settings/notifications"));
		this.bookings.values().forEach(id -> guestPages.add("/account/bookings/" + id));
		List<String> realtorPages = new ArrayList<>(List.of("/realtor", "/realtor/listings", "/realtor/bookings",
				"/realtor/listings/" + this.listing + "/edit", "/realtor/listings/" + this.listing + "/calendar",
				"/realtor/reviews", "/realtor/analytics?preset=custom&from=2026-12-01&to=2027-01-31"));
		this.bookings.values().forEach(id -> realtorPages.add("/realtor/bookings/" + id));
		List<String> adminPages = List.of("/admin", "/admin/users", "/admin/reviews", "/admin/notifications");

		Map<String, List<String>> pagesBy = new LinkedHashMap<>();
		pagesBy.put("codes-guest@test.kz", guestPages);
		pagesBy.put("codes-realtor@test.kz", realtorPages);
		pagesBy.put("codes-root@test.kz", adminPages);
		int scanned = 0;
		for (var entry : pagesBy.entrySet()) {
			WebSession web = new WebSession(this.port).signIn(entry.getKey(), IdentityFixtures.PASSWORD);
			for (String lang : List.of("ru", "kk", "en")) {
				for (String page : entry.getValue()) {
					String path = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
					HttpResponse<String> response = web.get(path);
					assertThat(response.statusCode()).as(path).isEqualTo(200);
					assertThat(codesIn(readable(Jsoup.parse(response.body())))).as(entry.getKey() + " " + path)
						.isEmpty();
					scanned++;
				}
			}
		}
		assertThat(scanned).isGreaterThan(80);
	}

	@Test
	void theSuperusersMessageHistoryNamesKindsChannelsAndStatusesInWords() {
		long root = this.jdbc.sql("select id from users where email = 'codes-root@test.kz'").query(Long.class).single();
		List<String> channels = List.of("EMAIL", "TELEGRAM", "WHATSAPP", "IN_APP");
		List<String> statuses = List.of("PENDING", "SENDING", "SENT", "DEAD", "SKIPPED");
		NotificationKind[] kinds = NotificationKind.values();
		for (int i = 0; i < kinds.length; i++) {
			this.jdbc.sql("""
					insert into notification_outbox (kind, channel, recipient_user_id, address, language, dedup_key,
					                                 status, next_attempt_at, created_at)
					values (:kind, :channel, :user, 'codes-root@test.kz', 'ru', :key, :status, :now, :now)
					""")
				.param("kind", kinds[i].name())
				.param("channel", channels.get(i % channels.size()))
				.param("user", root)
				.param("key", "codes-" + kinds[i].name())
				.param("status", statuses.get(i % statuses.size()))
				.param("now", java.sql.Timestamp.from(this.clock.instant()))
				.update();
		}
		WebSession web = new WebSession(this.port).signIn("codes-root@test.kz", IdentityFixtures.PASSWORD);
		int rows = 0;
		for (String lang : List.of("ru", "kk", "en")) {
			for (int page = 0; page * 20 < kinds.length; page++) {
				HttpResponse<String> response = web.get("/admin/messages?page=" + page + "&lang=" + lang);
				assertThat(response.statusCode()).isEqualTo(200);
				Document html = Jsoup.parse(response.body());
				rows += html.select("#messages tbody tr").size();
				String text = readable(html);
				assertThat(codesIn(text)).as(lang + " page " + page).isEmpty();
				assertThat(text).as(lang + " page " + page).doesNotContain("??");
			}
		}
		assertThat(rows).isGreaterThanOrEqualTo(3 * kinds.length);
	}

	@Test
	void theAnalyticsLegendNamesEveryCancellationReasonInWords() {
		WebSession web = new WebSession(this.port).signIn("codes-realtor@test.kz", IdentityFixtures.PASSWORD);
		Document html = Jsoup
			.parse(web.get("/realtor/analytics?preset=custom&from=2026-12-01&to=2027-01-31&lang=en").body());
		String legend = html.select("#chart-reasons").attr("data-labels");
		for (CancellationReason reason : CancellationReason.values()) {
			assertThat(legend).as(reason.name()).contains("\"" + reason.name() + "\":\"");
		}
		assertThat(codesIn(legend.replaceAll("\"[A-Z_]+\":", ""))).isEmpty();
		assertThat(html.select("#reason-list li")).hasSize(CancellationReason.values().length);
		assertThat(html.select("#reason-list").text()).contains("Change of plans", "Listing unavailable");
	}

	@Test
	void theCsvExportHasLocalisedHeadersAndWordsForExcelInRussian() throws IOException {
		WebSession web = new WebSession(this.port).signIn("codes-realtor@test.kz", IdentityFixtures.PASSWORD);
		HttpResponse<byte[]> csv = web.getBytes("/realtor/reports/bookings.csv?from=2026-12-01&to=2027-01-31&lang=ru");
		assertThat(csv.statusCode()).isEqualTo(200);
		byte[] bytes = csv.body();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).as("UTF-8 BOM")
			.containsExactly(0xEF - 256, 0xBB - 256, 0xBF - 256);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		String header = text.lines().findFirst().orElseThrow();
		assertThat(header).startsWith("Номер брони;").contains(";Статус;", ";Причина отмены").doesNotContain(",");
		assertThat(header).doesNotContainPattern("[a-z][A-Z]");
		assertThat(codesIn(text)).isEmpty();
		assertThat(text).contains(";Отменено;", "Объект недоступен", "40000,00");
	}

	@Test
	void noMessageShowsAnEnumCode() {
		int rendered = 0;
		for (NotificationKind kind : NotificationKind.values()) {
			for (Language language : Language.values()) {
				for (CancellationReason reason : CancellationReason.values()) {
					Map<String, String> params = new LinkedHashMap<>();
					params.put("bookingId", "b1c2d3");
					params.put("listingTitle", "Квартира");
					params.put("checkIn", "10.12.2026");
					params.put("checkOut", "13.12.2026");
					params.put("reason", reason.name());
					params.put("refund", "10 000");
					params.put("currency", "KZT");
					params.put("agencyName", "Агентство");
					params.put("bookingUrl", "http://localhost/account/bookings/1");
					RenderedMessage message = this.renderer.render(kind, language, params, Map.of());
					String all = String.join("\n", message.subject(), message.text(),
							Jsoup.parse(message.html()).text(), message.telegramHtml());
					assertThat(codesIn(all)).as(kind + " " + language + " " + reason).isEmpty();
					rendered++;
				}
			}
		}
		assertThat(rendered).isEqualTo(NotificationKind.values().length * 3 * CancellationReason.values().length);
	}

	/** What a person reads: the text, the title and the readable attributes. */
	private static String readable(Document html) {
		StringBuilder text = new StringBuilder(html.title()).append('\n').append(html.body().text());
		for (Element element : html.select("[title], [aria-label], [placeholder], [alt]")) {
			for (String attribute : List.of("title", "aria-label", "placeholder", "alt")) {
				text.append('\n').append(element.attr(attribute));
			}
		}
		html.select("option").forEach(option -> text.append('\n').append(option.text()));
		return text.toString();
	}

	private static Set<String> codesIn(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b").matcher(text);
		while (m.find()) {
			if (CODES.contains(m.group())) {
				found.add(m.group());
			}
		}
		return found;
	}

	/**
	 * The constants of every enum of the application with an underscore or 4+ letters.
	 */
	private static Set<String> enumCodes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		Set<String> codes = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("kz.zhilyego")) {
			try {
				Class<?> type = Class.forName(definition.getBeanClassName());
				if (type.isEnum() && !type.getName().contains(".bench.")) {
					for (Object constant : type.getEnumConstants()) {
						String name = ((Enum<?>) constant).name();
						if ((name.contains("_") || name.length() >= 4) && !WORDS.contains(name)) {
							codes.add(name);
						}
					}
				}
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(codes).contains("CHANGE_OF_PLANS", "CONFIRMED", "SUPERUSER", "BOOKING_CONFIRMED_GUEST");
		return codes;
	}

	private static String date(int dayOfDecember) {
		return java.time.LocalDate.of(2026, 12, 1).plusDays(dayOfDecember).toString();
	}

}
