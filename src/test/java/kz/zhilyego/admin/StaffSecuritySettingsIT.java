package kz.zhilyego.admin;

import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff security settings take effect without a restart: the sign-in address
 * allow-list refuses staff (not guests) from other addresses, and staff two-factor
 * enforcement sends staff without 2FA to enrolment.
 */
@IntegrationTest
class StaffSecuritySettingsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	AdminFixtures f;

	Api api;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
	}

	private void put(Map<String, Object> values) {
		Api.Response response = this.api.put("/api/v1/admin/settings", values, "Authorization",
				this.f.bearer(this.f.superuser));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private Api.Response signIn(String address, String login) {
		return Api.from(address, this.port)
			.post("/api/v1/auth/token", Map.of("login", login, "password", IdentityFixtures.PASSWORD));
	}

	@Test
	void staffSignInOnlyFromTheAllowedAddressesGuestsFromAnywhere() {
		assertThat(signIn("127.0.0.1", "realtor-a@test.kz").status()).isEqualTo(200);
		put(Map.of("staffIpAllowList", List.of("127.0.0.5", "10.0.0.0/8")));

		Api.Response refused = signIn("127.0.0.1", "realtor-a@test.kz");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("address-not-allowed");
		assertThat(refused.body()).doesNotContain("accessToken");
		assertThat(signIn("127.0.0.1", "head-a@test.kz").status()).isEqualTo(403);
		assertThat(signIn("127.0.0.5", "realtor-a@test.kz").status()).isEqualTo(200);
		assertThat(signIn("127.0.0.1", "guest1@test.kz").status()).as("guests are not staff").isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'login.refused-address'")
			.query(Long.class)
			.single()).isEqualTo(2);

		put(Map.of("staffIpAllowList", List.of()));
		assertThat(signIn("127.0.0.1", "realtor-a@test.kz").status()).isEqualTo(200);
	}

	@Test
	void staffTwoFactorEnforcementSendsStaffWithoutItToEnrolment() {
		String realtor = this.f.bearer(this.f.realtorA);
		assertThat(this.api.get("/api/v1/realtor/listings", "Authorization", realtor).status()).isEqualTo(200);
		put(Map.of("staffTwoFactorRequired", true));
		Api.Response enrol = this.api.get("/api/v1/realtor/listings", "Authorization", this.f.bearer(this.f.realtorA));
		assertThat(enrol.status()).isEqualTo(403);
		assertThat(enrol.json().get("type").asString()).endsWith("two-factor-enrolment-required");
		assertThat(this.api.get("/api/v1/me", "Authorization", this.f.bearer(this.f.guest1)).status())
			.as("guests are not asked")
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/admin/settings", "Authorization", this.f.bearer(this.f.superuser)).status())
			.as("the superuser is staff too: enrolment first")
			.isEqualTo(403);
	}

}
