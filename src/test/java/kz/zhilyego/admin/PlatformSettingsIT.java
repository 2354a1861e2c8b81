package kz.zhilyego.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform settings the superuser edits: a change applies to bookings made after it
 * (commission, provider fee, hold, cancellation policy), every booking keeps the rules it
 * was made under, a bad value changes nothing, and every change is audited.
 */
@IntegrationTest
class PlatformSettingsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CancelBooking cancelBooking;

	Api api;

	AdminFixtures f;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		this.listing = this.f.listing(this.f.realtorA, "Студия у Байтерека", 20_000);
	}

	private Api.Response put(Map<String, Object> values, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Authorization";
		all[1] = this.f.bearer(this.f.superuser);
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.api.put("/api/v1/admin/settings", values, all);
	}

	private JsonNode settings() {
		Api.Response response = this.api.get("/api/v1/admin/settings", "Authorization",
				this.f.bearer(this.f.superuser));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private Map<String, Object> booking(UUID id) {
		return this.jdbc.sql("""
				select commission_percent, gateway_fee_percent, full_refund_before_hours,
				    partial_refund_before_hours, partial_refund_percent, hold_expires_at, created_at
				from bookings where id = :id
				""").param("id", id).query().singleRow();
	}

	private BigDecimal ledger(UUID booking, String type) {
		return this.jdbc.sql("select sum(amount) from ledger_entries where booking_id = :id and entry_type = :type")
			.param("id", booking)
			.param("type", type)
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void aChangeAppliesToLaterBookingsAndEveryBookingKeepsItsOwnRules() {
		JsonNode before = settings();
		assertThat(before.get("platformCommissionPercent").decimalValue()).isEqualByComparingTo("10");
		assertThat(before.get("version").asLong()).isZero();
		UUID early = this.f.paid(this.listing, this.f.guest1, "2026-12-10", "2026-12-12");

		Map<String, Object> values = new LinkedHashMap<>();
		values.put("platformCommissionPercent", 15);
		values.put("providerFeePercent", 3);
		values.put("fullRefundBeforeHours", 72);
		values.put("partialRefundBeforeHours", 48);
		values.put("partialRefundPercent", 25);
		values.put("holdMinutes", 30);
		Api.Response changed = put(values, "If-Match", "\"0\"");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("platformCommissionPercent").decimalValue()).isEqualByComparingTo("15");
		assertThat(changed.json().get("holdMinutes").asInt()).isEqualTo(30);
		assertThat(changed.json().get("version").asLong()).isEqualTo(1);
		assertThat(changed.json().get("defaults").get("platformCommissionPercent").decimalValue())
			.as("the property stays the default")
			.isEqualByComparingTo("10");

		UUID late = this.f.paid(this.listing, this.f.guest2, "2026-12-20", "2026-12-22");

		Map<String, Object> e = booking(early);
		assertThat((BigDecimal) e.get("commission_percent")).isEqualByComparingTo("10");
		assertThat((BigDecimal) e.get("gateway_fee_percent")).isEqualByComparingTo("2.5");
		assertThat(e.get("full_refund_before_hours")).isEqualTo(24);
		Map<String, Object> l = booking(late);
		assertThat((BigDecimal) l.get("commission_percent")).isEqualByComparingTo("15");
		assertThat((BigDecimal) l.get("gateway_fee_percent")).isEqualByComparingTo("3");
		assertThat(l.get("full_refund_before_hours")).isEqualTo(72);
		assertThat(l.get("partial_refund_before_hours")).isEqualTo(48);
		assertThat((BigDecimal) l.get("partial_refund_percent")).isEqualByComparingTo("25");
		assertThat(Duration.between(((java.sql.Timestamp) l.get("created_at")).toInstant(),
				((java.sql.Timestamp) l.get("hold_expires_at")).toInstant()))
			.isEqualTo(Duration.ofMinutes(30));

		// the ledger books each payment with its booking's own commission: 40 000 gross
		// each
		assertThat(ledger(early, "PLATFORM_COMMISSION")).isEqualByComparingTo("4000");
		assertThat(ledger(late, "PLATFORM_COMMISSION")).isEqualByComparingTo("6000");
		assertThat(ledger(late, "GATEWAY_FEE")).isEqualByComparingTo("1200");

		// 2 days and a few hours before each check-in: the early booking's 24 h rule
		// refunds in full, the late one's 72 h / 48 h rule refunds 25 %
		this.clock.set(Instant.parse("2026-12-08T05:00:00Z"));
		CancelBooking.RefundQuote earlyQuote = this.cancelBooking.quote(early, BookingFixtures.guest(this.f.guest1));
		assertThat(earlyQuote.refundPercent()).isEqualByComparingTo("100");
		this.clock.set(Instant.parse("2026-12-18T05:00:00Z"));
		CancelBooking.RefundQuote lateQuote = this.cancelBooking.quote(late, BookingFixtures.guest(this.f.guest2));
		assertThat(lateQuote.refundPercent()).isEqualByComparingTo("25");
		assertThat(lateQuote.refund()).isEqualByComparingTo("10000");

		assertThat(this.jdbc.sql("""
				select actor_id from audit_log where action = 'settings.changed'
				""").query(Long.class).list()).containsExactly(this.f.superuser);
	}

	@Test
	void badValuesAreFieldErrorsAndChangeNothing() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("platformCommissionPercent", 5);
		values.put("providerFeePercent", 8);
		values.put("holdMinutes", 1);
		values.put("fullRefundBeforeHours", 12);
		values.put("partialRefundBeforeHours", 24);
		values.put("staffIpAllowList", java.util.List.of("10.0.0.0/8", "not-an-address"));
		Api.Response refused = put(values, "Accept-Language", "en");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = refused.json().get("errors");
		assertThat(errors.get("providerFeePercent").asString()).contains("cannot exceed the platform commission");
		assertThat(errors.get("holdMinutes").asString()).contains("5 to 120");
		assertThat(errors.get("partialRefundBeforeHours").asString()).contains("lower than the full refund");
		assertThat(errors.get("staffIpAllowList").asString()).contains("CIDR");
		assertThat(settings().get("version").asLong()).isZero();
		assertThat(settings().get("holdMinutes").asInt())
			.isEqualTo(settings().get("defaults").get("holdMinutes").asInt());
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'settings.changed'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aChangeOverAStaleVersionIsAConflict() {
		assertThat(put(Map.of("holdMinutes", 20), "If-Match", "\"0\"").status()).isEqualTo(200);
		Api.Response stale = put(Map.of("holdMinutes", 25), "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(settings().get("holdMinutes").asInt()).isEqualTo(20);
		assertThat(put(Map.of("holdMinutes", 25), "If-Match", "not-a-number").status()).isEqualTo(400);
	}

}
