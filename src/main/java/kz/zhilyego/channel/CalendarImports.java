package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.zhilyego.booking.ExternalBlocks;
import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calendars of other platforms imported per listing. Each feed is read on a schedule
 * (cluster-safe: the due ones are claimed by a conditional update, so two nodes never
 * read the same feed at once) or on demand; its events become blocks of source
 * {@code ical:<name>} through {@link ExternalBlocks} — created, moved and removed as the
 * feed changes. A feed that cannot be read (timeout, 404, not iCalendar) is reported on
 * the listing and changes no block; events that hit nights taken here are reported as
 * conflicts, and the realtor is alerted once per conflict.
 */
@Service
public class CalendarImports {

	private static final Logger log = LoggerFactory.getLogger(CalendarImports.class);

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,40}");

	private static final int DUE_PER_RUN = 50;

	private final JdbcClient jdbc;

	private final ListingAccess access;

	private final CalendarExport export;

	private final FeedFetcher fetcher;

	private final ExternalBlocks blocks;

	private final ConflictAlerts alerts;

	private final StayQuotes listings;

	private final SyncMeters meters;

	private final ChannelProperties.Ical properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CalendarImports(JdbcClient jdbc, ListingAccess access, CalendarExport export, FeedFetcher fetcher,
			ExternalBlocks blocks, ConflictAlerts alerts, StayQuotes listings, SyncMeters meters,
			ChannelProperties properties, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.export = export;
		this.fetcher = fetcher;
		this.blocks = blocks;
		this.alerts = alerts;
		this.listings = listings;
		this.meters = meters;
		this.properties = properties.ical();
		this.transactions = transactions;
		this.clock = clock;
	}

	/** An event of a feed and what became of it. */
	public record EventView(String uid, String kind, LocalDate checkIn, LocalDate checkOut, String state,
			@Nullable String conflict) {
	}

	/** A feed, its last sync and its events. */
	public record ImportView(long id, String name, String url, Instant createdAt, @Nullable Instant lastAttemptAt,
			@Nullable Instant lastSyncAt, @Nullable Instant lastChangedAt, int eventCount, int blockedCount,
			int conflictCount, @Nullable String lastError, int consecutiveFailures, Instant nextSyncAt,
			List<EventView> events) {

		public ImportView {
			events = List.copyOf(events);
		}

		public boolean failing() {
			return this.lastError != null;
		}

	}

	/** A listing's export URL and its imported feeds. */
	public record Overview(long listingId, String listingTitle, String exportUrl, List<ImportView> imports) {

		public Overview {
			imports = List.copyOf(imports);
		}

	}

	@Transactional
	public Overview overview(long listingId, CurrentUser user) {
		BookableListing listing = this.access.require(listingId, user);
		return new Overview(listingId, listing.title(), this.export.exportUrl(listingId, user), views(listingId));
	}

	@Transactional
	public ImportView add(long listingId, @Nullable String name, @Nullable String url, CurrentUser user) {
		this.access.require(listingId, user);
		String cleanName = name == null ? "" : name.strip();
		if (!NAME.matcher(cleanName).matches()) {
			throw ProblemException.invalidField("name", "ical.import.name");
		}
		String cleanUrl = url == null ? "" : url.strip();
		String refused = cleanUrl.length() < 8 || cleanUrl.length() > 2000 ? "syntax" : this.fetcher.refuse(cleanUrl);
		if (refused != null) {
			throw ProblemException.invalidField("url", "ical.import.url." + refused);
		}
		long count = this.jdbc
			.sql("select count(*) from ical_imports where listing_id = :listing and removed_at is null")
			.param("listing", listingId)
			.query(Long.class)
			.single();
		if (count >= this.properties.maxImportsPerListing()) {
			throw ProblemException.invalidField("url", "ical.import.tooMany", this.properties.maxImportsPerListing());
		}
		boolean taken = this.jdbc.sql("""
				select exists (select 1 from ical_imports
				               where listing_id = :listing and lower(name) = lower(:name) and removed_at is null)
				""").param("listing", listingId).param("name", cleanName).query(Boolean.class).single();
		if (taken) {
			throw ProblemException.invalidField("name", "ical.import.nameTaken");
		}
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into ical_imports (listing_id, name, url, created_by, created_at, next_sync_at)
				values (:listing, :name, :url, :by, :now, :now)
				returning id
				""")
			.param("listing", listingId)
			.param("name", cleanName)
			.param("url", cleanUrl)
			.param("by", user.id())
			.param("now", Instants.utc(now))
			.query(Long.class)
			.single();
		return views(listingId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

	/** Reads the feed now and answers how it went. */
	public ImportView syncNow(long listingId, long importId, CurrentUser user) {
		this.access.require(listingId, user);
		requireImport(listingId, importId);
		RequestIds.call(RequestIds.current(), () -> {
			sync(importId);
			return null;
		});
		return views(listingId).stream().filter(v -> v.id() == importId).findFirst().orElseThrow();
	}

	/** Stops importing the feed and frees the nights it blocked. */
	@Transactional
	public void remove(long listingId, long importId, CurrentUser user) {
		this.access.require(listingId, user);
		remove(requireImport(listingId, importId), user.id());
	}

	/**
	 * The superuser stops importing a feed from the problems page ({@code actorId} is
	 * checked there).
	 */
	@Transactional
	void removeForPlatform(long listingId, long importId, long actorId) {
		remove(requireImport(listingId, importId), actorId);
	}

	private void remove(Row row, long actorId) {
		this.blocks.removeAll(row.listingId(), source(row.name()), actorId);
		this.jdbc.sql("delete from ical_import_events where import_id = :id").param("id", row.id()).update();
		this.jdbc.sql("update ical_imports set removed_at = :now where id = :id")
			.param("now", Instants.utc(this.clock.instant()))
			.param("id", row.id())
			.update();
	}

	/**
	 * Reads every feed that is due (the recurring job); each claimed by a conditional
	 * update first, so another node's run skips it. Returns how many it read.
	 */
	public int syncDue() {
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				select id from ical_imports
				where removed_at is null and next_sync_at <= :now
				order by next_sync_at, id
				limit :limit
				""").param("now", Instants.utc(now)).param("limit", DUE_PER_RUN).query(Long.class).list();
		int read = 0;
		for (long id : due) {
			int claimed = this.jdbc.sql("""
					update ical_imports set next_sync_at = :next
					where id = :id and removed_at is null and next_sync_at <= :now
					""")
				.param("next", Instants.utc(now.plus(this.properties.refresh())))
				.param("id", id)
				.param("now", Instants.utc(now))
				.update();
			if (claimed == 1) {
				RequestIds.run(null, () -> sync(id));
				read++;
			}
		}
		return read;
	}

	private record Row(long id, long listingId, String name, String url, long createdBy, @Nullable String etag,
			@Nullable String lastModified) {
	}

	/** Reads one feed and applies it; a failure is recorded and changes no block. */
	void sync(long importId) {
		Row row = this.jdbc.sql("""
				select id, listing_id, name, url, created_by, etag, last_modified from ical_imports
				where id = :id and removed_at is null
				""")
			.param("id", importId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("listing_id"), rs.getString("name"),
					rs.getString("url"), rs.getLong("created_by"), rs.getString("etag"), rs.getString("last_modified")))
			.optional()
			.orElse(null);
		if (row == null) {
			return;
		}
		FeedFetcher.Result result = this.fetcher.fetch(row.url(), row.etag(), row.lastModified());
		List<FeedParser.Event> events;
		String etag = row.etag();
		String lastModified = row.lastModified();
		switch (result) {
			case FeedFetcher.Result.Failed failed -> {
				failed(row, failed.reason());
				return;
			}
			case FeedFetcher.Result.NotModified notModified -> events = storedEvents(row.id());
			case FeedFetcher.Result.Fetched fetched -> {
				try {
					events = FeedParser.parse(fetched.body(), Zones.KAZAKHSTAN);
				}
				catch (FeedParser.UnreadableFeedException ex) {
					failed(row, ex.getMessage());
					return;
				}
				etag = fetched.etag();
				lastModified = fetched.lastModified();
			}
		}
		String newEtag = etag;
		String newLastModified = lastModified;
		this.transactions.executeWithoutResult(status -> apply(row, events, newEtag, newLastModified));
	}

	private void apply(Row row, List<FeedParser.Event> events, @Nullable String etag, @Nullable String lastModified) {
		Instant now = this.clock.instant();
		// one key per event: a UID that repeats (recurrence instances) gets its date
		Map<String, FeedParser.Event> keyed = new LinkedHashMap<>();
		Map<String, Integer> uids = new HashMap<>();
		events.forEach(e -> uids.merge(e.uid(), 1, Integer::sum));
		for (FeedParser.Event event : events) {
			String key = uids.get(event.uid()) > 1 ? event.uid() + "@" + event.checkIn() : event.uid();
			keyed.put(key, event);
		}
		List<ExternalBlocks.Wanted> wanted = new ArrayList<>();
		keyed.forEach((key, event) -> {
			if (!event.cancelled()) {
				wanted.add(new ExternalBlocks.Wanted(key, event.checkIn(), event.checkOut()));
			}
		});
		ExternalBlocks.Result result = this.blocks.sync(row.listingId(), source(row.name()), row.name(), wanted,
				row.createdBy());
		Map<String, ExternalBlocks.Conflict> conflicts = new LinkedHashMap<>();
		result.conflicts().forEach(conflict -> conflicts.putIfAbsent(conflict.key(), conflict));
		Map<String, String> previous = new HashMap<>();
		this.jdbc.sql("select uid, state from ical_import_events where import_id = :id")
			.param("id", row.id())
			.query((rs, n) -> previous.put(rs.getString("uid"), rs.getString("state")))
			.list();
		this.jdbc.sql("delete from ical_import_events where import_id = :id").param("id", row.id()).update();
		BookableListing listing = this.listings.listing(row.listingId()).orElseThrow();
		int blocked = 0;
		for (Map.Entry<String, FeedParser.Event> entry : keyed.entrySet()) {
			FeedParser.Event event = entry.getValue();
			ExternalBlocks.Conflict conflict = conflicts.get(entry.getKey());
			String state = event.cancelled() ? "CANCELLED"
					: result.past().contains(entry.getKey()) ? "PAST" : conflict != null ? "CONFLICT" : "BLOCKED";
			if (state.equals("BLOCKED")) {
				blocked++;
			}
			boolean alert = state.equals("CONFLICT") && !"CONFLICT".equals(previous.get(entry.getKey()));
			this.jdbc.sql("""
					insert into ical_import_events (import_id, uid, kind, check_in, check_out, state, conflict,
					    first_seen, notified_at)
					values (:id, :uid, :kind, :checkIn, :checkOut, :state, :conflict, :now, :notified)
					""")
				.param("id", row.id())
				.param("uid", entry.getKey())
				.param("kind", event.kind().name())
				.param("checkIn", event.checkIn())
				.param("checkOut", event.checkOut())
				.param("state", state)
				.param("conflict", conflict == null ? null : conflict.occupied().kind())
				.param("now", Instants.utc(now))
				.param("notified", state.equals("CONFLICT") ? Instants.utc(now) : null)
				.update();
			if (alert) {
				this.alerts.alert(listing.ownerId(), listing.id(), listing.title(), row.name(), event.checkIn(),
						event.checkOut(),
						result.conflicts()
							.stream()
							.filter(c -> c.key().equals(entry.getKey()))
							.map(c -> c.occupied())
							.toList(),
						ReceiveBooking
							.sha256((row.id() + "|" + entry.getKey() + "|" + event.checkIn() + "|" + event.checkOut())
								.getBytes(StandardCharsets.UTF_8)));
			}
		}
		this.jdbc.sql("""
				update ical_imports
				set etag = :etag, last_modified = :lastModified, last_attempt_at = :now, last_success_at = :now,
				    last_changed_at = case when :changed then :now else last_changed_at end,
				    event_count = :events, blocked_count = :blocked, conflict_count = :conflicts,
				    last_error = null, consecutive_failures = 0
				where id = :id
				""")
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("now", Instants.utc(now))
			.param("changed", result.changed())
			.param("events", keyed.size())
			.param("blocked", blocked)
			.param("conflicts", conflicts.size())
			.param("id", row.id())
			.update();
		log.info("iCal feed {} of listing {}: {} events, {} blocks, {} conflicts{}", row.name(), row.listingId(),
				keyed.size(), result.blocks().size(), conflicts.size(), result.changed() ? ", changed" : "");
	}

	private void failed(Row row, String reason) {
		this.meters.icalFailed();
		log.warn("iCal feed {} of listing {} failed: {} (its blocks stay)", row.name(), row.listingId(), reason);
		this.jdbc.sql("""
				update ical_imports
				set last_attempt_at = :now, last_error = :error, consecutive_failures = consecutive_failures + 1
				where id = :id
				""")
			.param("now", Instants.utc(this.clock.instant()))
			.param("error", reason.length() > 300 ? reason.substring(0, 300) : reason)
			.param("id", row.id())
			.update();
	}

	private List<FeedParser.Event> storedEvents(long importId) {
		return this.jdbc.sql("""
				select uid, kind, check_in, check_out, state from ical_import_events
				where import_id = :id
				order by check_in, uid
				""")
			.param("id", importId)
			.query((rs, n) -> new FeedParser.Event(rs.getString("uid"), FeedParser.Kind.valueOf(rs.getString("kind")),
					rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class),
					"CANCELLED".equals(rs.getString("state"))))
			.list();
	}

	private Row requireImport(long listingId, long importId) {
		return this.jdbc.sql("""
				select id, listing_id, name, url, created_by, etag, last_modified from ical_imports
				where id = :id and listing_id = :listing and removed_at is null
				""")
			.param("id", importId)
			.param("listing", listingId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("listing_id"), rs.getString("name"),
					rs.getString("url"), rs.getLong("created_by"), rs.getString("etag"), rs.getString("last_modified")))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("ical.import.notFound"));
	}

	/** The listing's feeds with their events, oldest feed first. */
	@Transactional(readOnly = true)
	public List<ImportView> views(long listingId) {
		List<ImportView> imports = new ArrayList<>();
		this.jdbc.sql("""
				select * from ical_imports where listing_id = :listing and removed_at is null
				order by created_at, id
				""").param("listing", listingId).query((rs, n) -> {
			long id = rs.getLong("id");
			return new ImportView(id, rs.getString("name"), rs.getString("url"), Instants.read(rs, "created_at"),
					Instants.readOrNull(rs, "last_attempt_at"), Instants.readOrNull(rs, "last_success_at"),
					Instants.readOrNull(rs, "last_changed_at"), rs.getInt("event_count"), rs.getInt("blocked_count"),
					rs.getInt("conflict_count"), rs.getString("last_error"), rs.getInt("consecutive_failures"),
					Instants.read(rs, "next_sync_at"), List.of());
		})
			.list()
			.forEach(view -> imports.add(new ImportView(view.id(), view.name(), view.url(), view.createdAt(),
					view.lastAttemptAt(), view.lastSyncAt(), view.lastChangedAt(), view.eventCount(),
					view.blockedCount(), view.conflictCount(), view.lastError(), view.consecutiveFailures(),
					view.nextSyncAt(), events(view.id()))));
		return imports;
	}

	private List<EventView> events(long importId) {
		return this.jdbc.sql("""
				select uid, kind, check_in, check_out, state, conflict from ical_import_events
				where import_id = :id
				order by check_in, uid
				limit 500
				""")
			.param("id", importId)
			.query((rs, n) -> new EventView(rs.getString("uid"), rs.getString("kind"),
					rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class),
					rs.getString("state"), rs.getString("conflict")))
			.list();
	}

	static String source(String name) {
		return "ical:" + name;
	}

}
