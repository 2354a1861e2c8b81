package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.RequestIds;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imported calendar events that overlap a stay or block of ЖильеGO, on the superuser's
 * problems page. An entry lasts while the feed still has the event and the nights are
 * still taken here; the realtor also got an alert ({@link ConflictAlerts}). The actions:
 * read the feed again now (after the outside calendar or the booking was fixed), or stop
 * importing that feed (its nights are freed).
 */
@Component
class CalendarConflicts implements AttentionSource {

	private static final String OPEN = """
			select e.import_id, e.uid, e.check_in, e.check_out, e.first_seen, i.listing_id, i.name, l.title
			from ical_import_events e
			join ical_imports i on i.id = e.import_id and i.removed_at is null
			join listing_facts l on l.id = i.listing_id
			where e.state = 'CONFLICT'
			""";

	private final JdbcClient jdbc;

	private final CalendarImports imports;

	CalendarConflicts(JdbcClient jdbc, CalendarImports imports) {
		this.jdbc = jdbc;
		this.imports = imports;
	}

	@Override
	public String name() {
		return "calendars";
	}

	private record Open(Item item, long importId, long listingId, String title, String feed) {
	}

	@Override
	public List<Item> open(int limit) {
		return conflicts(limit).stream().map(Open::item).toList();
	}

	private List<Open> conflicts(int limit) {
		return this.jdbc.sql(OPEN + " order by e.first_seen, e.import_id, e.uid limit :limit")
			.param("limit", limit)
			.query((rs, n) -> {
				long importId = rs.getLong("import_id");
				long listingId = rs.getLong("listing_id");
				String title = rs.getString("title");
				String feed = rs.getString("name");
				Item item = new Item(key(importId, rs.getString("uid")), "calendar_conflict",
						"attention.calendar.conflict",
						List.of(title, feed, rs.getObject("check_in", LocalDate.class).toString(),
								rs.getObject("check_out", LocalDate.class).toString()),
						Instants.read(rs, "first_seen"), "listing", String.valueOf(listingId),
						"/realtor/listings/" + listingId + "/sync",
						List.of(new Action("sync", "attention.calendar.sync", false, false),
								new Action("remove", "attention.calendar.remove", true, true)),
						Map.of());
				return new Open(item, importId, listingId, title, feed);
			})
			.list();
	}

	/** A key safe in a path: the feed and a digest of the event's id (any text). */
	private static String key(long importId, String uid) {
		return importId + "-" + ReceiveBooking.sha256(uid.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from (" + OPEN + ") x").query(Long.class).single();
	}

	@Override
	public Outcome act(String itemKey, String action, long actorId, @Nullable String note) {
		Open open = conflicts(1000).stream()
			.filter(c -> c.item().key().equals(itemKey))
			.findFirst()
			.orElseThrow(() -> ProblemException.conflict("attention-item-closed", "attention.closed"));
		switch (action) {
			case "sync" -> RequestIds.run(RequestIds.current(), () -> this.imports.sync(open.importId()));
			case "remove" -> {
				if (note == null || note.isBlank()) {
					throw ProblemException.invalidField("note", "attention.calendar.noteRequired");
				}
				this.imports.removeForPlatform(open.listingId(), open.importId(), actorId);
			}
			default -> throw ProblemException.invalidField("action", "attention.unknownAction");
		}
		boolean stillOpen = conflicts(1000).stream().anyMatch(c -> c.item().key().equals(itemKey));
		return new Outcome(
				action.equals("remove") ? "attention.calendar.removed"
						: stillOpen ? "attention.calendar.stillConflicting" : "attention.calendar.resolved",
				List.of(open.title(), open.feed()), Map.of("listingId", open.listingId(), "importId", open.importId(),
						"action", action, "stillOpen", stillOpen));
	}

}
