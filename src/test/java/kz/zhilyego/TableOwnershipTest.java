package kz.zhilyego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL counterpart of {@link ModularityTests}: every table has one owning module (ADR
 * 0003), and only its owner names it in SQL. Other modules use the owner's Java API. The
 * crossings that exist today are listed in {@link #KNOWN_CROSSINGS} as debt: a new
 * crossing fails the test, and so does a listed one that is gone (take it off the list).
 * Where a module must join another module's data in its own SQL, the owner publishes a
 * view ({@link #PUBLISHED_VIEWS}) that others read and never write.
 */
class TableOwnershipTest {

	/** Table → owning module. Every table a migration creates must be here. */
	static final Map<String, String> OWNERS = Map.ofEntries(
			// catalog: what is for rent and its reference data
			Map.entry("listings", "catalog"), Map.entry("listing_photos", "catalog"),
			Map.entry("listing_amenities", "catalog"), Map.entry("listing_night_prices", "catalog"),
			Map.entry("cache_versions", "catalog"), Map.entry("cities", "catalog"), Map.entry("districts", "catalog"),
			Map.entry("amenities", "catalog"), Map.entry("housing_types", "catalog"),
			Map.entry("housing_classes", "catalog"),
			// realtor: the staff's edit history of listings
			Map.entry("listing_changes", "realtor"), Map.entry("listing_price_history", "realtor"),
			Map.entry("listing_status_history", "realtor"),
			// booking: stays, their nights and blocks
			Map.entry("bookings", "booking"), Map.entry("booking_transitions", "booking"),
			Map.entry("occupancies", "booking"), Map.entry("listing_blocks", "booking"),
			// identity: people, roles, agencies, sign-in, secrets, audit
			Map.entry("users", "identity"), Map.entry("user_roles", "identity"), Map.entry("agencies", "identity"),
			Map.entry("agency_invitations", "identity"), Map.entry("api_keys", "identity"),
			Map.entry("refresh_tokens", "identity"), Map.entry("totp_secrets", "identity"),
			Map.entry("recovery_codes", "identity"), Map.entry("login_attempts", "identity"),
			Map.entry("login_lockouts", "identity"), Map.entry("login_device_lockouts", "identity"),
			Map.entry("password_resets", "identity"), Map.entry("audit_log", "identity"),
			Map.entry("listing_access_codes", "identity"), Map.entry("access_code_reveals", "identity"),
			Map.entry("spring_session", "identity"), Map.entry("spring_session_attributes", "identity"),
			// payment: money in and out
			Map.entry("payments", "payment"), Map.entry("payment_events", "payment"), Map.entry("refunds", "payment"),
			Map.entry("ledger_entries", "payment"), Map.entry("payment_differences", "payment"),
			Map.entry("payment_reconciliations", "payment"), Map.entry("sandbox_provider_payments", "payment"),
			// notification: the outbox and what people receive
			Map.entry("notification_outbox", "notification"), Map.entry("notification_reminders", "notification"),
			Map.entry("notification_settings", "notification"), Map.entry("in_app_notifications", "notification"),
			Map.entry("captured_messages", "notification"),
			// the rest
			Map.entry("reviews", "review"), Map.entry("review_complaints", "review"),
			Map.entry("favorites", "favorite"), Map.entry("chat_dialogs", "chatbot"),
			Map.entry("telegram_chats", "telegram"), Map.entry("telegram_updates", "telegram"),
			Map.entry("idempotency_keys", "common"), Map.entry("channel_connections", "channel"),
			Map.entry("channel_connection_listings", "channel"), Map.entry("channel_stays", "channel"),
			Map.entry("channel_webhook_events", "channel"), Map.entry("channel_guests", "channel"),
			Map.entry("channel_guest_links", "channel"), Map.entry("ical_feeds", "channel"),
			Map.entry("ical_imports", "channel"), Map.entry("ical_import_events", "channel"),
			Map.entry("feedback_requests", "feedback"), Map.entry("feedback_links", "feedback"),
			Map.entry("feedback_review_links", "feedback"), Map.entry("platform_settings", "settings"),
			Map.entry("monthly_reports", "admin"), Map.entry("daily_metrics", "admin"),
			// feature flags and the booking chat (issue 18)
			Map.entry("feature_flags", "flags"), Map.entry("feature_flag_versions", "flags"),
			Map.entry("booking_chats", "chat"), Map.entry("booking_chat_messages", "chat"),
			Map.entry("booking_chat_reads", "chat"),
			// two-way reviews and trust scores (issue 18)
			Map.entry("guest_reviews", "review"), Map.entry("guest_risk_scores", "trust"),
			// platform events and the rule engine (issue 18)
			Map.entry("platform_events", "events"), Map.entry("rules", "rules"), Map.entry("rule_executions", "rules"),
			Map.entry("rule_tags", "rules"), Map.entry("rule_attention", "rules"), Map.entry("rule_versions", "rules"),
			// infrastructure tables of libraries (db-scheduler, Spring Modulith's event
			// registry)
			Map.entry("scheduled_tasks", "platform"), Map.entry("event_publication", "platform"));

	/**
	 * Views an owner publishes for other modules to read in their own SQL (migrations
	 * V92, V96, V97, ADR 0003): view → owning module. Only the owner's tables stand
	 * behind a view, and no other module writes one.
	 */
	static final Map<String, String> PUBLISHED_VIEWS = Map.of("listing_facts", "catalog", "stay_facts", "booking",
			"active_blocks", "booking", "occupied_periods", "booking", "user_names", "identity", "user_facts",
			"identity", "agency_facts", "identity", "ledger_facts", "payment");

	/**
	 * Module → tables of other modules its SQL names. Empty since issue 14 paid the last
	 * of this debt (the realtor's listing editor, review, admin and the demo go through
	 * the owners' APIs and published views); a new crossing fails the test, so keep it
	 * empty.
	 */
	static final Map<String, Set<String>> KNOWN_CROSSINGS = Map.of();

	private static final Path MAIN = Path.of("src/main/java/kz/zhilyego");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern CREATE_VIEW = Pattern
		.compile("(?i)create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)");

	private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

	/** A view's name (group 1) and its query up to the semicolon (group 2). */
	private static final Pattern VIEW_BODY = Pattern
		.compile("(?is)create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)\\s+as\\s+([^;]*);");

	/** A relation a query reads: the name after from or join. */
	private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern SQL_COMMENTS = Pattern.compile("--[^\\n]*");

	@Test
	void everyTableHasAnOwningModule() {
		assertThat(OWNERS.keySet()).as("tables without an owner: add them to OWNERS and to ADR 0003")
			.containsAll(tables());
	}

	@Test
	void onlyTheOwnerNamesItsTablesInSql() {
		Map<String, Set<String>> crossings = crossings();
		int pairs = crossings.values().stream().mapToInt(Set::size).sum();
		System.out.printf("Cross-module table accesses: %d (module, table) pairs in %d modules%n", pairs,
				crossings.size());
		crossings.forEach((module, tables) -> System.out.printf("  %s -> %s%n", module, tables));
		crossings.forEach((module, tables) -> assertThat(tables)
			.as("module %s names tables of other modules in SQL; use the owner's API (ADR 0003)", module)
			.isSubsetOf(KNOWN_CROSSINGS.getOrDefault(module, Set.of())));
		KNOWN_CROSSINGS.forEach((module, tables) -> assertThat(crossings.getOrDefault(module, Set.of()))
			.as("crossings of %s that are gone: take them off KNOWN_CROSSINGS", module)
			.containsAll(tables));
	}

	@Test
	void everyPublishedViewIsCreatedByAMigrationAndListed() {
		assertThat(migrated(CREATE_VIEW)).as("views in the migrations: list them in PUBLISHED_VIEWS and ADR 0003")
			.containsExactlyInAnyOrderElementsOf(PUBLISHED_VIEWS.keySet());
		assertThat(PUBLISHED_VIEWS.keySet()).as("a view is not also a table")
			.doesNotContainAnyElementsOf(OWNERS.keySet());
	}

	@Test
	void aPublishedViewSelectsOnlyItsOwnersTables() {
		Map<String, Set<String>> foreign = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.filter(f -> f.toString().endsWith(".sql")).forEach(file -> {
				Matcher view = VIEW_BODY.matcher(SQL_COMMENTS.matcher(read(file)).replaceAll(""));
				while (view.find()) {
					String name = view.group(1).toLowerCase(java.util.Locale.ROOT);
					Matcher table = SQL_TABLE.matcher(view.group(2));
					Set<String> named = new TreeSet<>();
					while (table.find()) {
						named.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
					}
					assertThat(named).as("tables behind view %s", name).isNotEmpty();
					named.stream()
						.filter(t -> !java.util.Objects.equals(PUBLISHED_VIEWS.get(name), OWNERS.get(t)))
						.forEach(t -> foreign.computeIfAbsent(name, v -> new TreeSet<>()).add(t));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(foreign).as("views naming tables (or views) their owner does not own").isEmpty();
	}

	@Test
	void onlyTheOwnerWritesAPublishedView() {
		Map<String, Set<String>> writes = new TreeMap<>();
		PUBLISHED_VIEWS.forEach((view, owner) -> {
			Pattern write = Pattern.compile(
					"(?i)\\b(?:into|update|truncate|delete\\s+from)\\s+(?:only\\s+)?" + Pattern.quote(view) + "\\b");
			sources().forEach((module, code) -> {
				if (!module.equals(owner) && code.stream().anyMatch(c -> write.matcher(c).find())) {
					writes.computeIfAbsent(module, m -> new TreeSet<>()).add(view);
				}
			});
		});
		assertThat(writes).as("modules writing views published by another module (they are read contracts)").isEmpty();
	}

	/** Module → the sources of its Java files, comments removed. */
	private static Map<String, java.util.List<String>> sources() {
		Map<String, java.util.List<String>> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
				Path relative = MAIN.relativize(file);
				if (relative.getNameCount() >= 2) {
					sources.computeIfAbsent(relative.getName(0).toString(), m -> new java.util.ArrayList<>())
						.add(COMMENTS.matcher(read(file)).replaceAll(""));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

	/** Module → tables owned by other modules that its SQL names. */
	private static Map<String, Set<String>> crossings() {
		Map<String, Pattern> uses = new TreeMap<>();
		for (String table : OWNERS.keySet()) {
			uses.put(table, Pattern.compile(
					"(?i)\\b(?:from|join|into|update|truncate|table)\\s+(?:only\\s+)?" + Pattern.quote(table) + "\\b"));
		}
		Map<String, Set<String>> crossings = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
				Path relative = MAIN.relativize(file);
				if (relative.getNameCount() < 2) {
					return;
				}
				String module = relative.getName(0).toString();
				String code = COMMENTS.matcher(read(file)).replaceAll("");
				uses.forEach((table, use) -> {
					if (!OWNERS.get(table).equals(module) && use.matcher(code).find()) {
						crossings.computeIfAbsent(module, m -> new TreeSet<>()).add(table);
					}
				});
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return crossings;
	}

	private static Set<String> tables() {
		Set<String> tables = migrated(CREATE_TABLE);
		assertThat(tables).as("tables found in the migrations").isNotEmpty();
		return tables;
	}

	/** The names a pattern finds in the migrations (group 1, lower case). */
	private static Set<String> migrated(Pattern create) {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.filter(f -> f.toString().endsWith(".sql")).forEach(file -> {
				Matcher m = create.matcher(read(file));
				while (m.find()) {
					tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tables;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
