package kz.zhilyego.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEvents;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.rules.internal.RuleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rule engine end to end: rules saved through the API (bad ones refused with field
 * errors), run after the event commits, each action once — through the booking use cases
 * (an illegal transition is refused and recorded), the notification outbox, tags and the
 * problems page; never twice for one event (parallel executors, a re-run after a restart,
 * replays); a dry-run changes nothing.
 */
@IntegrationTest
class RulesIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	BookingQueries bookings;

	@Autowired
	PlatformEvents events;

	@Autowired
	RuleEngine engine;

	@Autowired
	TransactionTemplate transactions;

	Api admin;

	long guest;

	long realtor;

	long head;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long agency = identity.agency("Правила");
		this.head = identity.superAdmin("rules-head@test.kz", agency);
		this.realtor = identity.realtor("rules-realtor@test.kz", agency);
		this.guest = identity.user("rules-guest@test.kz");
		this.admin = new Api(this.port).with("Authorization",
				identity.bearer(identity.superuser("rules-root@test.kz")));
		this.listing = new CatalogFixtures(this.jdbc, this.clock).listing().owner(this.realtor).create();
	}

	private long rule(String json) {
		Api.Response response = this.admin.post("/api/v1/admin/rules", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private BookingDetails hold(int day, int nights) {
		return new BookingFixtures(this.placeHold).hold(this.listing, LocalDate.of(2026, 12, day),
				LocalDate.of(2026, 12, day + nights), this.guest);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void badRulesAreRefusedWithFieldErrorsAndNothingIsSaved() {
		Api.Response bad = this.admin.post("/api/v1/admin/rules", """
				{"name": "x", "trigger": "booking.held", "eval": "1",
				 "when": {"field": "payload.x", "op": "like", "value": 1},
				 "actions": [{"type": "shell", "cmd": "rm"}]}
				""");
		Api.Response notJson = this.admin.post("/api/v1/admin/rules", "{");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.json().get("errors").has("eval")).isTrue();
		assertThat(bad.json().get("errors").has("when.op")).isTrue();
		assertThat(bad.json().get("errors").has("actions[0].type")).isTrue();
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(count("select count(*) from rules")).isZero();
		assertThat(this.admin.put("/api/v1/admin/rules/999", "{}").status()).isEqualTo(404);
	}

	@Test
	void crudReadsReplacesAndDeletes() {
		long id = rule("""
				{"name": "Tag holds", "trigger": "booking.held",
				 "actions": [{"type": "assign_tag", "target": "booking", "tag": "held"}]}
				""");
		Api.Response replaced = this.admin.put("/api/v1/admin/rules/" + id, """
				{"name": "Tag holds", "trigger": "booking.held", "enabled": false,
				 "actions": [{"type": "assign_tag", "target": "booking", "tag": "held-2"}]}
				""");
		Api.Response badReplace = this.admin.put("/api/v1/admin/rules/" + id,
				"{\"name\": \"\", \"trigger\": \"booking.held\", \"actions\": []}");

		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
		assertThat(replaced.json().get("enabled").asBoolean()).isFalse();
		assertThat(badReplace.status()).isEqualTo(400);
		assertThat(badReplace.json().get("errors").has("name")).isTrue();
		assertThat(this.admin.get("/api/v1/admin/rules/" + id)
			.json()
			.get("definition")
			.get("actions")
			.get(0)
			.get("tag")
			.asString()).isEqualTo("held-2");
		assertThat(this.admin.get("/api/v1/admin/rules").json().size()).isEqualTo(1);
		assertThat(this.admin.delete("/api/v1/admin/rules/" + id).status()).isEqualTo(204);
		assertThat(this.admin.get("/api/v1/admin/rules/" + id).status()).isEqualTo(404);
	}

	@Test
	void notificationTagAndAttentionActionsRunOnceAfterTheEventCommits() {
		long id = rule("""
				{"name": "Watch long holds", "trigger": "booking.held",
				 "when": {"all": [{"field": "facts.nights", "op": ">=", "value": 3},
				                  {"field": "facts.status", "op": "=", "value": "HOLD"}]},
				 "actions": [{"type": "create_notification", "to": "realtor", "template": "check_booking"},
				             {"type": "create_notification", "to": "agency_head", "template": "check_booking"},
				             {"type": "assign_tag", "target": "user", "tag": "long-stay"},
				             {"type": "request_admin_attention", "note": "a long hold"}]}
				""");
		hold(10, 1);
		BookingDetails longHold = hold(20, 4);

		await().atMost(WAIT)
			.until(() -> count("select count(*) from rule_executions where outcome <> 'RUNNING'") == 2 + 4);
		assertThat(count("select count(*) from rule_executions where outcome = 'NOT_MATCHED'")).isEqualTo(1);
		assertThat(count("select count(*) from rule_executions where action_index >= 0 and outcome = 'DONE'"))
			.isEqualTo(4);
		assertThat(this.jdbc.sql("""
				select recipient_user_id from notification_outbox where kind = 'RULE_NOTICE' order by recipient_user_id
				""").query(Long.class).list()).containsExactlyInAnyOrder(this.realtor, this.head);
		assertThat(this.jdbc.sql("select params ->> 'reason' from notification_outbox where recipient_user_id = :id")
			.param("id", this.realtor)
			.query(String.class)
			.single()).contains(longHold.id().toString());
		assertThat(this.context.getBean(kz.zhilyego.rules.internal.RuleStore.class)
			.tags("user", String.valueOf(this.guest))).containsExactly("long-stay");
		Api.Response problems = this.admin.get("/api/v1/admin/problems");
		String key = null;
		for (var section : problems.json()) {
			if (section.get("source").asString().equals("rules")) {
				assertThat(section.get("count").asLong()).isEqualTo(1);
				key = section.get("items").get(0).get("key").asString();
			}
		}
		assertThat(key).isNotNull();
		assertThat(
				this.admin.post("/api/v1/admin/problems/rules/" + key + "/resolve", Map.of("note", "called")).status())
			.isEqualTo(200);
		assertThat(count("select count(*) from rule_attention where resolved_at is null")).isZero();
		assertThat(this.admin.get("/api/v1/admin/rules/" + id + "/executions").json().size()).isEqualTo(6);
	}

	@Test
	void changeStatusGoesThroughTheLifecycleAndAnIllegalTransitionIsRefusedAndRecorded() {
		rule("""
				{"name": "No long holds", "trigger": "booking.held",
				 "when": {"field": "facts.nights", "op": ">", "value": 5},
				 "actions": [{"type": "change_status", "to": "CANCELLED", "reason": "LISTING_UNAVAILABLE",
				              "note": "too long"}]}
				""");
		rule("""
				{"name": "Check in after cancel (illegal)", "trigger": "booking.cancelled",
				 "actions": [{"type": "change_status", "to": "CHECKED_IN"}]}
				""");
		BookingDetails hold = hold(10, 6);

		await().atMost(WAIT)
			.until(() -> count(
					"select count(*) from rule_executions where action_index = 0 and outcome <> 'RUNNING'") == 2);
		BookingDetails after = this.bookings.find(hold.id()).orElseThrow();
		assertThat(after.status().name()).isEqualTo("CANCELLED");
		assertThat(after.cancelReason()).isEqualTo("LISTING_UNAVAILABLE");
		assertThat(this.jdbc.sql("""
				select e.outcome from rule_executions e join rules r on r.id = e.rule_id
				where e.action_index = 0 order by r.id
				""").query(String.class).list()).containsExactly("DONE", "REFUSED");
		assertThat(this.jdbc.sql("select detail from rule_executions where outcome = 'REFUSED'")
			.query(String.class)
			.single()).isNotBlank();
	}

	@Test
	void anEventNoRuleListensToIsNotPublishedToTheEngineAndARuleEnabledOnAnotherNodeRunsOnTheNextEvent() {
		long id = rule("""
				{"name": "Tag holds", "trigger": "booking.held", "enabled": false,
				 "actions": [{"type": "assign_tag", "target": "booking", "tag": "seen"}]}
				""");
		BookingDetails before = hold(10, 2);
		await().atMost(WAIT)
			.until(() -> count("select count(*) from event_publication where completion_date is null") == 0);
		assertThat(count("select count(*) from rule_executions")).as("no enabled rule of the type").isZero();
		assertThat(count("select count(*) from event_publication where listener_id like '%RuleTrigger%'"))
			.as("so the event was not even published to the rule engine")
			.isZero();

		// another node's admin enables it: only the shared table changes
		this.jdbc.sql("update rules set enabled = true, version = version + 1 where id = :id").param("id", id).update();
		BookingDetails after = hold(20, 2);

		await().atMost(WAIT).until(() -> count("select count(*) from rule_executions where outcome <> 'RUNNING'") == 2);
		RuleStore store = this.context.getBean(RuleStore.class);
		assertThat(store.tags("booking", after.id().toString())).containsExactly("seen");
		assertThat(store.tags("booking", before.id().toString())).isEmpty();
		assertThat(count("select count(*) from event_publication where listener_id like '%RuleTrigger%'"
				+ " and completion_date is not null"))
			.isEqualTo(1);
		// an event of a type no rule listens to runs nothing, whatever its id
		assertThat(this.engine.execute(Long.MAX_VALUE, "booking.nobody_listens")).isZero();
	}

	@Test
	void aRuleChangeWaitsForAnEventBeingRecordedSoItNeverFallsBetweenTheEventsDecisionAndItsCommit() throws Exception {
		CountDownLatch decided = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<Boolean> recording = pool.submit(() -> this.transactions.execute(status -> {
				this.events.record(
						PlatformEvent.once("test.race", "booking", "7a1e9a52-0000-4000-8000-000000000002", Map.of()));
				decided.countDown();
				try {
					return release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}));
			assertThat(decided.await(20, TimeUnit.SECONDS)).isTrue();
			Future<Long> change = pool.submit(() -> rule("""
					{"name": "Race", "trigger": "test.race",
					 "actions": [{"type": "assign_tag", "target": "booking", "tag": "race"}]}
					"""));

			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !change.isDone());
			release.countDown();
			assertThat(recording.get()).isTrue();
			assertThat(change.get()).isPositive();
		}
		assertThat(count("select count(*) from event_publication where listener_id like '%RuleTrigger%'"))
			.as("decided before the rule existed, committed before the rule did")
			.isZero();

		Long next = this.transactions.execute(status -> this.events
			.record(PlatformEvent.once("test.race", "booking", "7a1e9a52-0000-4000-8000-000000000003", Map.of()))
			.orElseThrow());
		await().atMost(WAIT).until(() -> count("select count(*) from rule_tags where tag = 'race'") == 1);
		assertThat(count("select count(*) from rule_executions where event_id = " + next)).isEqualTo(2);
	}

	@Test
	void aRuleNeverRunsTwiceForOneEventAcrossParallelExecutorsRestartsAndReplays() throws Exception {
		rule("""
				{"name": "Once", "trigger": "test.once",
				 "actions": [{"type": "request_admin_attention", "note": "once"},
				             {"type": "assign_tag", "target": "booking", "tag": "once"}]}
				""");
		Long eventId = this.transactions.execute(status -> this.events
			.record(PlatformEvent.once("test.once", "booking", "7a1e9a52-0000-4000-8000-000000000001", Map.of()))
			.orElseThrow());
		List<Callable<Integer>> nodes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			nodes.add(() -> this.engine.execute(eventId));
		}
		int ran = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> result : pool.invokeAll(nodes)) {
				ran += result.get();
			}
		}
		await().atMost(WAIT).until(() -> count("select count(*) from rule_executions where outcome <> 'RUNNING'") == 3);
		int afterRestart = this.engine.execute(eventId);
		RuleEngine.Replay first = this.engine.replay(200);
		RuleEngine.Replay second = this.engine.replay(200);

		assertThat(ran).isLessThanOrEqualTo(2);
		assertThat(afterRestart).isZero();
		assertThat(first.actionsRun()).isZero();
		assertThat(second.actionsRun()).isZero();
		assertThat(count("select count(*) from rule_executions")).isEqualTo(3);
		assertThat(count("select count(*) from rule_attention")).isEqualTo(1);
		assertThat(count("select count(*) from rule_tags")).isEqualTo(1);
	}

	@Test
	void aDryRunChangesNothingAndAReplayRunsMissedEventsOnce() {
		hold(10, 2);
		hold(15, 4);
		await().atMost(WAIT).until(() -> count("select count(*) from platform_events") == 2);
		long id = rule("""
				{"name": "Tag long", "trigger": "booking.held",
				 "when": {"field": "facts.nights", "op": ">=", "value": 3},
				 "actions": [{"type": "assign_tag", "target": "booking", "tag": "long"}]}
				""");

		Api.Response dry = this.admin.post("/api/v1/admin/rules/" + id + "/dry-run?last=50", Map.of());
		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.json().get("events").asInt()).isEqualTo(2);
		assertThat(dry.json().get("matches").size()).isEqualTo(1);
		assertThat(dry.json().get("matches").get(0).get("actions").get(0).asString()).startsWith("tag booking ");
		assertThat(count("select count(*) from rule_executions")).isZero();
		assertThat(count("select count(*) from rule_tags")).isZero();
		assertThat(this.admin.post("/api/v1/admin/rules/" + id + "/dry-run?last=0", Map.of()).status()).isEqualTo(400);

		Api.Response replay = this.admin.post("/api/v1/admin/rules/replay?last=200", Map.of());
		Api.Response again = this.admin.post("/api/v1/admin/rules/replay?last=200", Map.of());

		assertThat(replay.json().get("actionsRun").asInt()).isEqualTo(1);
		assertThat(again.json().get("actionsRun").asInt()).isZero();
		assertThat(count("select count(*) from rule_tags where tag = 'long'")).isEqualTo(1);
		assertThat(this.admin.post("/api/v1/admin/rules/replay?last=abc", Map.of()).status()).isEqualTo(400);
	}

	@Test
	void theAdminPageSavesAValidRuleAndShowsTheErrorsOfABadOneNextToTheText() {
		kz.zhilyego.web.SiteSession site = new kz.zhilyego.web.SiteSession(this.port).signIn("rules-root@test.kz",
				IdentityFixtures.PASSWORD);
		kz.zhilyego.web.SiteSession.Page page = site.get("/admin/rules?lang=en");
		assertThat(page.status()).isEqualTo(200);
		String bad = "{\"name\": \"x\", \"trigger\": \"booking.held\", \"actions\": [{\"type\": \"eval\"}]}";
		kz.zhilyego.web.SiteSession.Page refused = site.post(page, "/admin/rules", Map.of("json", bad));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html().select("li.zg-rule-error").text()).contains("actions[0].type");
		assertThat(refused.html().selectFirst("#rule-json").text()).contains("eval");
		assertThat(count("select count(*) from rules")).isZero();

		String good = "{\"name\": \"Tag\", \"trigger\": \"booking.held\", \"actions\": [{\"type\": \"assign_tag\", \"target\": \"booking\", \"tag\": \"x\"}]}";
		kz.zhilyego.web.SiteSession.Page saved = site.post(site.get("/admin/rules"), "/admin/rules",
				Map.of("json", good));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(site.get("/admin/rules?lang=en").html().select("tr.zg-rule")).hasSize(1);

		long id = count("select id from rules");
		kz.zhilyego.web.SiteSession.Page deleted = site.post(site.get("/admin/rules"), "/admin/rules/delete",
				Map.of("id", String.valueOf(id)));
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(count("select count(*) from rules where deleted_at is not null")).isEqualTo(1);
		assertThat(site.get("/admin/rules?lang=en").html().select("tr.zg-rule")).isEmpty();
		kz.zhilyego.web.SiteSession.Page again = site.post(site.get("/admin/rules"), "/admin/rules/delete",
				Map.of("id", String.valueOf(id)));
		assertThat(again.status()).as("a deleted rule: a message on the page, never an error page").isEqualTo(302);
		assertThat(count("select count(*) from audit_log where action like 'rule.%delete%'")).isEqualTo(1);
	}

}
