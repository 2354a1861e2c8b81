package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.MutableClock;
import kz.zhilyego.identity.IdentityFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form posts whose parameter names the data binder cannot parse as a property path
 * ({@code a[=1}, {@code []=x}) or that are not even URL-encoded ({@code %zz=1}) answer a
 * styled 400 page on the site's forms — sign-in, the booking wizard and the realtor's
 * listing form — never a 500, never JSON, and nothing is written.
 */
@IntegrationTest
class MalformedParameterNamesIT {

	/** Names Spring's binder chokes on, and one that is not URL-encoding. */
	static final List<String> MALFORMED = List.of("a[=1", "%5B%5D=x", "a%5Bb=1", "rooms%5B=2", "guests%5B0=1", "%zz=1",
			"a%5B%5D%5B=1", "checkIn%5B%5D%5B=1");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.context);
		identity.user("guest@test.kz");
		long realtor = identity.realtor("realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc, this.clock).listing().owner(realtor).create();
	}

	/**
	 * What is wrong with an answer to a malformed form: a 5xx, a 4xx that is not the
	 * styled page, or a leak; null when it is fine (the form again, a redirect, or the
	 * 400 page).
	 */
	private static @Nullable String wrong(SiteSession.Page page) {
		if (page.status() >= 500) {
			return "status " + page.status();
		}
		if (page.status() >= 400 && (page.status() != 400 || !page.header("Content-Type").startsWith("text/html")
				|| !page.body().contains("<html"))) {
			return "status " + page.status() + " " + page.header("Content-Type");
		}
		if (page.body().contains("Exception") || page.body().contains("at org.") || page.body().contains("at kz.")) {
			return "a leak";
		}
		return null;
	}

	private static void check(Map<String, String> failures, String what, SiteSession.Page page) {
		String wrong = wrong(page);
		if (wrong != null) {
			failures.put(what, wrong);
		}
	}

	@Test
	void signInWithMalformedNamesIsNeverAServerError() {
		Map<String, String> failures = new LinkedHashMap<>();
		for (String name : MALFORMED) {
			SiteSession site = new SiteSession(this.port);
			SiteSession.Page form = site.get("/login");
			check(failures, "sign-in " + name, site.postRaw(form, "/login",
					"username=guest%40test.kz&password=" + IdentityFixtures.PASSWORD + "&" + name));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void theBookingWizardWithMalformedNamesIsNeverAServerError() {
		Map<String, String> failures = new LinkedHashMap<>();
		SiteSession site = new SiteSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site.get("/book/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-12");
		assertThat(form.status()).isEqualTo(200);
		for (String name : MALFORMED) {
			String fields = name
					+ "&checkIn=2026-12-10&checkOut=2026-12-12&guests=1&guestName=X&guestPhone=%2B77011234567";
			check(failures, "preview " + name, site.postRaw(form, "/book/" + this.listing + "/preview", fields));
			check(failures, "hold " + name, site.postRaw(form, "/book/" + this.listing, fields));
		}
		assertThat(failures).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
	}

	@Test
	void searchWithMalformedNamesIsNeverAServerErrorAndTheApiAnswersAProblem() {
		Map<String, String> failures = new LinkedHashMap<>();
		SiteSession site = new SiteSession(this.port);
		for (String name : MALFORMED) {
			check(failures, "search " + name,
					site.get("/search?" + name.replace("[", "%5B").replace("]", "%5D").replace("%zz", "%25zz")
							+ "&checkIn=2026-12-10&checkOut=2026-12-12"));
		}
		assertThat(failures).isEmpty();
		Api.Response api = new Api(this.port).get("/api/v1/listings?checkIn%5B%5D%5B=1&checkIn=2026-12-10");
		assertThat(api.status()).isIn(200, 400);
		if (api.status() == 400) {
			assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void theRealtorListingFormWithMalformedNamesIsNeverAServerError() {
		Map<String, String> failures = new LinkedHashMap<>();
		SiteSession site = new SiteSession(this.port).signIn("realtor@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site.get("/realtor/listings/new");
		assertThat(form.status()).isEqualTo(200);
		for (String name : MALFORMED) {
			check(failures, "create " + name, site.postRaw(form, "/realtor/listings", name + "&title=X"));
			check(failures, "edit " + name, site.postRaw(form, "/realtor/listings/" + this.listing, name + "&title=X"));
		}
		assertThat(failures).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from listings").query(Long.class).single()).isEqualTo(1);
	}

}
