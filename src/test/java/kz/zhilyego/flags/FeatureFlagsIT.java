package kz.zhilyego.flags;

import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.identity.Role;
import kz.zhilyego.web.SiteSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags through the admin API, evaluated by two evaluators on one database (two app
 * nodes, each with its own copy): a change is in force on both at their next evaluation;
 * every change is audited; wrong values are field errors and change nothing.
 */
@IntegrationTest
class FeatureFlagsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	String root;

	long user;

	long realtor;

	long agency;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.api = new Api(this.port);
		IdentityFixtures fixtures = new IdentityFixtures(this.context);
		this.root = fixtures.bearer(fixtures.superuser("root@test.kz"));
		this.user = fixtures.user("user@test.kz");
		this.agency = fixtures.agency("Агентство");
		this.realtor = fixtures.realtor("realtor@test.kz", this.agency);
	}

	@Test
	void twoNodesSeeEveryChangeAtTheirNextEvaluation() {
		FeatureFlags one = new FeatureFlags(this.jdbc, this.transactions);
		FeatureFlags two = new FeatureFlags(this.jdbc, this.transactions);
		FlagSubject guest = new FlagSubject(this.user, Set.of(Role.USER), null);
		FlagSubject realtor = new FlagSubject(this.realtor, Set.of(Role.REALTOR), this.agency);
		assertThat(one.isOn("booking-chat", guest)).as("unknown flag").isFalse();
		assertThat(two.isOn("booking-chat", realtor)).isFalse();

		Api.Response created = this.api.post("/api/v1/admin/feature-flags",
				Map.of("key", "booking-chat", "description", "Чат", "agencyIds", List.of(this.agency)), "Authorization",
				this.root);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		for (FeatureFlags node : List.of(one, two)) {
			assertThat(node.isOn("booking-chat", realtor)).as("agency listed").isTrue();
			assertThat(node.isOn("booking-chat", guest)).isFalse();
		}

		assertThat(this.api
			.put("/api/v1/admin/feature-flags/booking-chat", Map.of("roles", List.of("USER")), "Authorization",
					this.root)
			.status()).isEqualTo(200);
		for (FeatureFlags node : List.of(one, two)) {
			assertThat(node.isOn("booking-chat", guest)).as("role listed now").isTrue();
			assertThat(node.isOn("booking-chat", realtor)).as("agency no longer listed").isFalse();
		}

		// a write by another node, straight in the database, is seen too
		this.jdbc.sql("update feature_flags set enabled = true where key = 'booking-chat'").update();
		assertThat(one.isOn("booking-chat", FlagSubject.anonymous())).isTrue();
		assertThat(two.isOn("booking-chat", realtor)).isTrue();

		assertThat(this.api.delete("/api/v1/admin/feature-flags/booking-chat", "Authorization", this.root).status())
			.isEqualTo(204);
		assertThat(one.isOn("booking-chat", guest)).isFalse();
		assertThat(two.isOn("booking-chat", realtor)).isFalse();

		assertThat(this.jdbc.sql("""
				select action from audit_log where subject_type = 'feature-flag' and subject_id = 'booking-chat'
				order by id
				""").query(String.class).list()).containsExactly("feature-flag.created", "feature-flag.changed",
				"feature-flag.deleted");
	}

	@Test
	void aCopyIsReusedWhileNothingChanges() {
		FeatureFlags node = new FeatureFlags(this.jdbc, this.transactions);
		this.api.post("/api/v1/admin/feature-flags", Map.of("key", "quiet", "enabled", true), "Authorization",
				this.root);
		assertThat(node.all()).containsKey("quiet");
		assertThat(node.all()).as("the same copy, not read again").isSameAs(node.all());
		this.api.put("/api/v1/admin/feature-flags/quiet", Map.of("enabled", false), "Authorization", this.root);
		assertThat(node.find("quiet").orElseThrow().enabled()).isFalse();
	}

	@Test
	void wrongValuesAreFieldErrorsAndChangeNothing() {
		Api.Response wrong = this.api.post("/api/v1/admin/feature-flags", Map.of("key", "Плохой ключ", "percentage",
				101, "roles", List.of("KING"), "userIds", List.of(-1), "description", "x".repeat(501)), "Authorization",
				this.root);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
		assertThat(wrong.json().get("errors").propertyNames()).containsExactlyInAnyOrder("key", "percentage", "roles",
				"userIds", "description");
		assertThat(this.jdbc.sql("select count(*) from feature_flags").query(Long.class).single()).isZero();

		assertThat(this.api.post("/api/v1/admin/feature-flags", Map.of("key", "twice"), "Authorization", this.root)
			.status()).isEqualTo(201);
		Api.Response twice = this.api.post("/api/v1/admin/feature-flags", Map.of("key", "twice"), "Authorization",
				this.root);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("errors").has("key")).isTrue();
		assertThat(
				this.api.put("/api/v1/admin/feature-flags/twice", Map.of("percentage", -5), "Authorization", this.root)
					.status())
			.isEqualTo(400);
		assertThat(this.api.get("/api/v1/admin/feature-flags/twice", "Authorization", this.root)
			.json()
			.get("percentage")
			.asInt()).isZero();
		assertThat(this.api.get("/api/v1/admin/feature-flags/none", "Authorization", this.root).status())
			.isEqualTo(404);
		assertThat(this.api.put("/api/v1/admin/feature-flags/none", Map.of(), "Authorization", this.root).status())
			.isEqualTo(404);
	}

	@Test
	void theSuperuserManagesFlagsOnThePageInEveryLanguage() {
		SiteSession web = new SiteSession(this.port).signIn("root@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page empty = web.get("/admin/feature-flags");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"flags-empty\"", "Флаги функций");
		SiteSession.Page wrong = web.post(empty, "/admin/feature-flags", Map.of("key", "A B", "percentage", "много"));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("id=\"flags-errors\"", "is-invalid");
		assertThat(this.jdbc.sql("select count(*) from feature_flags").query(Long.class).single()).isZero();
		SiteSession.Page created = web.post(empty, "/admin/feature-flags",
				Map.of("key", "booking-chat", "percentage", "25", "roles", "REALTOR"));
		assertThat(created.status()).isEqualTo(302);
		FeatureFlag flag = new FeatureFlags(this.jdbc, this.transactions).find("booking-chat").orElseThrow();
		assertThat(flag.percentage()).isEqualTo(25);
		assertThat(flag.roles()).containsExactly(Role.REALTOR);
		web.post(empty, "/admin/feature-flags/booking-chat", Map.of("enabled", "on", "percentage", "0"));
		assertThat(new FeatureFlags(this.jdbc, this.transactions).find("booking-chat").orElseThrow().enabled())
			.isTrue();
		for (String lang : new String[] { "kk", "en" }) {
			SiteSession.Page page = web.get("/admin/feature-flags?lang=" + lang);
			assertThat(page.body()).as(lang)
				.contains("kk".equals(lang) ? "Функция жалаулары" : "Feature flags", "id=\"flag-booking-chat\"");
		}
		web.post(empty, "/admin/feature-flags/booking-chat/delete", Map.of());
		assertThat(this.jdbc.sql("select count(*) from feature_flags").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where subject_type = 'feature-flag'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

}
