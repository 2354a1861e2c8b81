package kz.zhilyego.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold page shows a started Kaspi payment's QR (drawn on the server) with the caption
 * and the link button. The tests run with the sandbox provider, so the Kaspi payment is
 * written as the payment module stores one after Kaspi's create call.
 */
@IntegrationTest
class KaspiQrPageIT {

	private static final String LINK = "https://pay.kaspi.kz/pay/zhilyego-test-42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SiteSession site;

	UUID booking;

	long guest;

	@BeforeEach
	void hold() {
		TestDatabase.reset(this.jdbc);
		long listing = new CatalogFixtures(this.jdbc).listing().title("Студия для QR").price(20000).create();
		this.guest = new IdentityFixtures(this.jdbc).user("qr@test.zhilyego.kz");
		this.site = new SiteSession(this.port).signIn("qr@test.zhilyego.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = this.site.get("/book/" + listing);
		Map<String, String> fields = Map.of("checkIn", LocalDate.parse("2026-12-10").toString(), "checkOut",
				"2026-12-12", "guests", "1", "guestName", "Ерлан", "guestPhone", "+7 701 555 44 35", "rulesAccepted",
				"true", "token", form.html().select("input[name=token]").val());
		SiteSession.Page placed = this.site.post(form, "/book/" + listing, fields);
		assertThat(placed.status()).isEqualTo(302);
		this.booking = this.jdbc.sql("select id from bookings").query(UUID.class).single();
	}

	@Test
	void aStartedKaspiPaymentShowsItsQrWithTheCaptionNextToTheLinkButton() throws Exception {
		UUID payment = kaspiPayment(this.guest, "PENDING");

		Document page = this.site.get("/account/bookings/" + this.booking + "?pay=" + payment).html();
		Element qr = page.selectFirst("#kaspi-qr img");
		assertThat(qr).isNotNull();
		assertThat(qr.attr("alt")).isNotBlank();
		String src = qr.attr("src");
		assertThat(src).startsWith("data:image/png;base64,");
		assertThat(QrCodesTest.decode(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)))).isEqualTo(LINK);
		assertThat(page.selectFirst("#kaspi-qr-caption").text()).isEqualTo("Отсканируйте в приложении Kaspi.kz");
		assertThat(page.selectFirst("#kaspi-link").attr("href")).isEqualTo(LINK);
		assertThat(page.select("#countdown")).hasSize(1);
	}

	@Test
	void theQrIsNotShownForAFinishedPaymentOrOneOfAnotherGuest() {
		UUID failed = kaspiPayment(this.guest, "FAILED");
		Document page = this.site.get("/account/bookings/" + this.booking + "?pay=" + failed).html();
		assertThat(page.select("#kaspi-qr")).isEmpty();
		assertThat(page.select("#pay-button")).hasSize(1);

		long other = new IdentityFixtures(this.jdbc).user("other-qr@test.zhilyego.kz");
		UUID foreign = kaspiPayment(other, "PENDING");
		assertThat(this.site.get("/account/bookings/" + this.booking + "?pay=" + foreign).html().select("#kaspi-qr"))
			.isEmpty();
		assertThat(this.site.get("/account/bookings/" + this.booking).html().select("#kaspi-qr")).isEmpty();
	}

	private UUID kaspiPayment(long guestId, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into payments (id, booking_id, guest_id, provider, status, amount, currency,
				    provider_payment_id, redirect_url, qr_payload, idempotency_key, created_at, updated_at)
				values (:id, :booking, :guest, 'kaspi', :status, 40000, 'KZT', :pid, :link, :link, :key, :now, :now)
				""")
			.param("id", id)
			.param("booking", this.booking)
			.param("guest", guestId)
			.param("status", status)
			.param("pid", "kaspi-" + id)
			.param("link", LINK)
			.param("key", id.toString())
			.param("now", OffsetDateTime.parse("2026-12-01T10:00:00+05:00"))
			.update();
		return id;
	}

}
