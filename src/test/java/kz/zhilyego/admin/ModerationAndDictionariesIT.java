package kz.zhilyego.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listing moderation and the dictionaries, end to end over the API: with moderation on a
 * new listing is not searchable until the superuser approves it, a rejection reaches the
 * realtor with its reason, a substantial edit sends a live listing back to the queue; a
 * new dictionary entry shows in search and forms without a restart, and an entry in use
 * is only deactivated, never deleted.
 */
@IntegrationTest
class ModerationAndDictionariesIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Api api;

	AdminFixtures f;

	String root;

	String realtor;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		this.root = this.f.bearer(this.f.superuser);
		this.realtor = this.f.bearer(this.f.independent);
	}

	/**
	 * Dictionaries are reference data the database reset keeps: undo what a test added.
	 */
	@AfterEach
	void removeTheTestsDictionaryEntries() {
		this.jdbc.sql("delete from listing_amenities where amenity_code = 'finnish_sauna'").update();
		this.jdbc.sql("delete from amenities where code = 'finnish_sauna' or code like 'filler\\_%'").update();
	}

	@Test
	void theSixtyFourthAmenityIsAFieldErrorAndTheBitOfADeletedOneIsGivenAgain() {
		// 62 amenities in all (codes are letters only), then the 63rd through the editor
		this.jdbc.sql("""
				insert into amenities (code, name_ru, name_kk, name_en, position)
				select 'filler_' || translate(lpad(g::text, 2, '0'), '0123456789', 'abcdefghij'), 'x', 'x', 'x', 900 + g
				from generate_series(1, 62 - (select count(*) from amenities)) g
				""").update();
		Map<String, Object> sauna = Map.of("code", "finnish_sauna", "nameRu", "Финская сауна", "nameKk", "Фин саунасы",
				"nameEn", "Finnish sauna");
		Api.Response last = this.api.post("/api/v1/admin/dictionaries/amenities", sauna, "Authorization", this.root);
		assertThat(last.status()).as(last.body()).isEqualTo(201);

		Map<String, Object> more = Map.of("code", "infrared_sauna", "nameRu", "Инфракрасная сауна", "nameKk",
				"Инфрақызыл сауна", "nameEn", "Infrared sauna");
		Api.Response refused = this.api.post("/api/v1/admin/dictionaries/amenities", more, "Authorization", this.root,
				"Accept-Language", "ru");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get("code").asString()).contains("не больше 63");
		assertThat(this.jdbc.sql("select count(*) from amenities").query(Long.class).single()).isEqualTo(63);

		int freed = this.jdbc.sql("delete from amenities where code = 'filler_ab' returning bit")
			.query(Integer.class)
			.single();
		Api.Response again = this.api.post("/api/v1/admin/dictionaries/amenities",
				Map.of("code", "filler_zz", "nameRu", "x", "nameKk", "x", "nameEn", "x"), "Authorization", this.root);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("select bit from amenities where code = 'filler_zz'").query(Integer.class).single())
			.isEqualTo(freed);
	}

	private static Map<String, Object> listing(String title, List<String> amenities) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("city", "astana");
		form.put("district", "esil");
		form.put("housingClass", "business");
		form.put("type", "apartment");
		form.put("rooms", 2);
		form.put("street", "пр. Мангилик Ел");
		form.put("house", "12");
		form.put("floor", 7);
		form.put("floorsTotal", 16);
		form.put("areaM2", 64.5);
		form.put("sleepingPlaces", 4);
		form.put("description", "Тихо и светло");
		form.put("amenities", amenities);
		form.put("houseRules", "Не курить");
		form.put("pricePerNight", 25000);
		form.put("checkInTime", "14:00");
		form.put("checkOutTime", "12:00");
		form.put("latitude", 51.128);
		form.put("longitude", 71.43);
		return form;
	}

	private long create(Map<String, Object> form, String expectedStatus) {
		Api.Response created = this.api.post("/api/v1/realtor/listings", form, "Authorization", this.realtor);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo(expectedStatus);
		return created.json().get("id").asLong();
	}

	private String search(String query) {
		Api.Response found = this.api.get("/api/v1/listings?city=astana" + query);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		return found.body();
	}

	private String status(long listing) {
		return this.jdbc.sql("select status from listings where id = :id")
			.param("id", listing)
			.query(String.class)
			.single();
	}

	private void moderation(boolean on) {
		Api.Response changed = this.api.put("/api/v1/admin/settings", Map.of("listingModeration", on), "Authorization",
				this.root);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("listingModeration").asBoolean()).isEqualTo(on);
	}

	@Test
	void aModeratedListingIsNotSearchableUntilApprovedAndARejectionReachesTheRealtor() {
		moderation(true);
		long loft = create(listing("Лофт с видом на Байтерек", List.of("wifi")), "PENDING");
		long flat = create(listing("Квартира у реки", List.of("wifi")), "PENDING");
		assertThat(search("")).doesNotContain("Лофт с видом на Байтерек", "Квартира у реки");
		assertThat(this.api.get("/api/v1/listings/" + loft).status()).isEqualTo(404);

		Api.Response queue = this.api.get("/api/v1/admin/listings/pending", "Authorization", this.root);
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.json().get("total").asLong()).isEqualTo(2);
		assertThat(queue.body()).contains("Лофт с видом на Байтерек", "Квартира у реки");

		assertThat(
				this.api.post("/api/v1/admin/listings/" + loft + "/approve", "{}", "Authorization", this.root).status())
			.isEqualTo(204);
		assertThat(status(loft)).isEqualTo("ACTIVE");
		assertThat(search("")).contains("Лофт с видом на Байтерек").doesNotContain("Квартира у реки");
		assertThat(
				this.api.post("/api/v1/admin/listings/" + loft + "/approve", "{}", "Authorization", this.root).status())
			.as("approved once")
			.isEqualTo(409);

		Api.Response noReason = this.api.post("/api/v1/admin/listings/" + flat + "/reject", Map.of("reason", " "),
				"Authorization", this.root);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").has("reason")).isTrue();
		assertThat(status(flat)).isEqualTo("PENDING");
		assertThat(this.api
			.post("/api/v1/admin/listings/" + flat + "/reject", Map.of("reason", "Фото не соответствуют описанию"),
					"Authorization", this.root)
			.status()).isEqualTo(204);
		assertThat(status(flat)).isEqualTo("REJECTED");
		assertThat(search("")).doesNotContain("Квартира у реки");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				select count(*) from notification_outbox
				where kind = 'LISTING_REJECTED_REALTOR' and recipient_user_id = :realtor
				""").param("realtor", this.f.independent).query(Long.class).single() > 0);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action like 'listing.%' and actor_id = :root
				""").param("root", this.f.superuser).query(Long.class).single()).isGreaterThanOrEqualTo(2);

		// an hour later, a substantial edit of the live listing sends it back to the
		// queue
		this.clock.set(this.clock.instant().plusSeconds(3600));
		this.realtor = this.f.bearer(this.f.independent);
		this.root = this.f.bearer(this.f.superuser);
		Map<String, Object> edited = listing("Лофт с видом на Байтерек и террасой", List.of("wifi"));
		JsonNode current = this.api.get("/api/v1/realtor/listings/" + loft, "Authorization", this.realtor).json();
		Api.Response put = this.api.put("/api/v1/realtor/listings/" + loft,
				Map.of("version", current.get("version").asInt(), "listing", edited), "Authorization", this.realtor);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(status(loft)).isEqualTo("PENDING");
		assertThat(search("")).doesNotContain("Лофт с видом на Байтерек");
		JsonNode pending = this.api.get("/api/v1/admin/listings/pending", "Authorization", this.root).json();
		JsonNode resubmitted = pending.get("items").get(0);
		assertThat(resubmitted.get("firstSubmission").asBoolean()).as("changed, not new").isFalse();
		JsonNode title = resubmitted.get("changes").get("title");
		assertThat(title.get("oldValue").asString()).as("highlighted: before").isEqualTo("Лофт с видом на Байтерек");
		assertThat(title.get("newValue").asString()).as("highlighted: after")
			.isEqualTo("Лофт с видом на Байтерек и террасой");
		assertThat(resubmitted.get("changes").has("pricePerNight")).as("only what changed").isFalse();
	}

	@Test
	void withModerationOffANewListingIsLiveAtOnceAndTheSuperuserCanSuspendAnyListing() {
		long live = create(listing("Студия без модерации", List.of()), "ACTIVE");
		assertThat(search("")).contains("Студия без модерации");
		Api.Response suspended = this.api.post("/api/v1/admin/listings/" + live + "/suspend",
				Map.of("reason", "Жалобы гостей"), "Authorization", this.root);
		assertThat(suspended.status()).isEqualTo(204);
		assertThat(search("")).doesNotContain("Студия без модерации");
		assertThat(this.api.post("/api/v1/realtor/listings/" + live + "/activate", "{}", "Authorization", this.realtor)
			.status()).as("only the superuser lifts a suspension").isIn(403, 409);
		assertThat(status(live)).isEqualTo("SUSPENDED");
		assertThat(this.api.post("/api/v1/admin/listings/" + live + "/reinstate", "{}", "Authorization", this.root)
			.status()).isEqualTo(204);
		assertThat(search("")).contains("Студия без модерации");
	}

	@Test
	void aNewDictionaryEntryShowsInSearchAndFormsWithoutARestartAndAnEntryInUseIsOnlyDeactivated() {
		assertThat(this.api.get("/search?lang=ru").body()).doesNotContain("Финская сауна");
		Api.Response unknown = this.api.post("/api/v1/realtor/listings",
				listing("Дом с сауной", List.of("finnish_sauna")), "Authorization", this.realtor);
		assertThat(unknown.status()).isEqualTo(400);

		Map<String, Object> sauna = Map.of("code", "finnish_sauna", "nameRu", "Финская сауна", "nameKk", "Фин саунасы",
				"nameEn", "Finnish sauna");
		Api.Response created = this.api.post("/api/v1/admin/dictionaries/amenities", sauna, "Authorization", this.root);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("active").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/admin/dictionaries/amenities", sauna, "Authorization", this.root).status())
			.as("the code is taken")
			.isIn(400, 409);

		assertThat(this.api.get("/search?lang=ru").body()).contains("Финская сауна");
		assertThat(this.api.get("/search?lang=en").body()).contains("Finnish sauna");
		long house = create(listing("Дом с сауной", List.of("finnish_sauna")), "ACTIVE");
		create(listing("Квартира без сауны", List.of("wifi")), "ACTIVE");
		assertThat(search("&amenities=finnish_sauna")).contains("Дом с сауной").doesNotContain("Квартира без сауны");

		Api.Response inUse = this.api.delete("/api/v1/admin/dictionaries/amenities/finnish_sauna", "Authorization",
				this.root);
		assertThat(inUse.status()).isEqualTo(409);
		Api.Response deactivated = this.api.post("/api/v1/admin/dictionaries/amenities/finnish_sauna/deactivate", "{}",
				"Authorization", this.root);
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(this.api.get("/search?lang=ru").body()).as("no longer offered").doesNotContain("Финская сауна");
		assertThat(this.jdbc.sql("select count(*) from listing_amenities where listing_id = :id")
			.param("id", house)
			.query(Long.class)
			.single()).as("the listing keeps it").isEqualTo(1);
		assertThat(this.jdbc.sql("select action from audit_log where subject_type = 'dictionary' order by id")
			.query(String.class)
			.list()).containsExactly("dictionary.created", "dictionary.deactivated");
	}

	@Test
	void aRenamedCityShowsAtOnceAndBadEntriesAreFieldErrors() {
		Api.Response city = this.api.get("/api/v1/admin/dictionaries/cities/astana", "Authorization", this.root);
		assertThat(city.status()).isEqualTo(200);
		String nameEn = city.json().get("nameEn").asString();
		try {
			Map<String, Object> renamed = new LinkedHashMap<>();
			renamed.put("nameRu", "Астана");
			renamed.put("nameKk", "Астана");
			renamed.put("nameEn", "Astana City");
			renamed.put("timeZone", "Asia/Almaty");
			renamed.put("position", city.json().get("position").asInt());
			Api.Response put = this.api.put("/api/v1/admin/dictionaries/cities/astana", renamed, "Authorization",
					this.root);
			assertThat(put.status()).as(put.body()).isEqualTo(200);
			assertThat(this.api.get("/search?lang=en").body()).contains("Astana City");

			Map<String, Object> bad = new LinkedHashMap<>(renamed);
			bad.put("nameEn", "");
			bad.put("timeZone", "Mars/Olympus");
			Api.Response refused = this.api.put("/api/v1/admin/dictionaries/cities/astana", bad, "Authorization",
					this.root, "Accept-Language", "en");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("errors").get("timeZone").asString()).contains("Unknown time zone");
			assertThat(refused.json().get("errors").has("nameEn")).isTrue();
			assertThat(this.api.get("/api/v1/admin/dictionaries/planets", "Authorization", this.root).status())
				.isEqualTo(404);
		}
		finally {
			this.jdbc.sql("update cities set name_en = :name where slug = 'astana'").param("name", nameEn).update();
		}
	}

}
