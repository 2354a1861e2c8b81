package kz.zhilyego.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.web.SiteSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district is addressed by its number (its slug is unique only within its city): one
 * district's life over the API and its edit page — created, read, edited, deactivated,
 * reactivated, deleted while unused. (Every one of these answered 500 before, the
 * creation included: the text key was compared with a number.)
 */
@IntegrationTest
class DistrictDictionaryIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Api api;

	String root;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.root = identity.bearer(identity.superuser("district-root@test.kz"));
	}

	/** Districts are reference data the database reset keeps. */
	@AfterEach
	void removeTheTestsDistrict() {
		this.jdbc.sql("delete from districts where slug = 'koktal'").update();
	}

	@Test
	void aDistrictIsReadEditedDeactivatedReactivatedAndDeletedByItsNumber() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("code", "koktal");
		form.put("city", "astana");
		form.put("nameRu", "Коктал");
		form.put("nameKk", "Көктал");
		form.put("nameEn", "Koktal");
		form.put("validFrom", "2026-01-01");
		Api.Response created = this.api.post("/api/v1/admin/dictionaries/districts", form, "Authorization", this.root);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String key = created.json().get("key").asString();
		String path = "/api/v1/admin/dictionaries/districts/" + key;

		Api.Response read = this.api.get(path, "Authorization", this.root);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("code").asString()).isEqualTo("koktal");

		form.put("nameRu", "Коктал-1");
		Api.Response edited = this.api.put(path, form, "Authorization", this.root);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("nameRu").asString()).isEqualTo("Коктал-1");

		Api.Response off = this.api.post(path + "/deactivate", "{}", "Authorization", this.root);
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(off.json().get("active").asBoolean()).isFalse();
		Api.Response on = this.api.post(path + "/activate", "{}", "Authorization", this.root);
		assertThat(on.status()).as(on.body()).isEqualTo(200);
		assertThat(on.json().get("active").asBoolean()).isTrue();

		SiteSession site = new SiteSession(this.port).signIn("district-root@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page page = site.get("/admin/dictionaries/districts/" + key + "/edit?lang=ru");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("#nameRu").attr("value")).isEqualTo("Коктал-1");

		assertThat(this.api.get("/api/v1/admin/dictionaries/districts/koktal", "Authorization", this.root).status())
			.as("not a number: no such district")
			.isEqualTo(404);
		assertThat(this.api.delete(path, "Authorization", this.root).status()).isEqualTo(204);
		assertThat(this.api.get(path, "Authorization", this.root).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select action from audit_log where subject_type = 'dictionary' order by id")
			.query(String.class)
			.list()).containsExactly("dictionary.created", "dictionary.updated", "dictionary.deactivated",
					"dictionary.activated", "dictionary.deleted");
	}

}
