package kz.zhilyego.rules.internal;

import java.util.List;
import java.util.Map;

import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules' source on the problems page: what a {@code request_admin_attention} action
 * asked a person to look at, resolved with a note.
 */
@Component
class RuleAttention implements AttentionSource {

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	RuleAttention(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public List<Item> open(int limit) {
		return this.jdbc.sql("""
				select a.id, a.rule_id, r.name, a.event_id, a.subject_type, a.subject_id, a.note, a.created_at
				from rule_attention a join rules r on r.id = a.rule_id
				where a.resolved_at is null
				order by a.created_at, a.id
				limit :limit
				""").param("limit", limit).query((rs, n) -> {
			String type = rs.getString("subject_type");
			String id = rs.getString("subject_id");
			String link = "booking".equals(type) ? "/realtor/bookings/" + id
					: "/admin/events?subject=" + type + ":" + id;
			return new Item(String.valueOf(rs.getLong("id")), "rule", "attention.rules.requested",
					List.of(rs.getString("name"), rs.getString("note"), type + " " + id),
					rs.getTimestamp("created_at").toInstant(), type, id, link,
					List.of(new Action("resolve", "attention.rules.resolve", true, false)), Map.of("ruleId",
							String.valueOf(rs.getLong("rule_id")), "eventId", String.valueOf(rs.getLong("event_id"))));
		}).list();
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from rule_attention where resolved_at is null")
			.query(Long.class)
			.single();
	}

	@Override
	public Outcome act(String itemKey, String action, long actorId, @Nullable String note) {
		long id;
		try {
			id = Long.parseLong(itemKey);
		}
		catch (NumberFormatException ex) {
			throw ProblemException.notFound("attention.rules.notFound");
		}
		if (!"resolve".equals(action)) {
			throw ProblemException.invalidField("action", "attention.unknownAction");
		}
		if (note == null || note.isBlank()) {
			throw ProblemException.invalidField("note", "attention.rules.noteRequired");
		}
		int changed = this.jdbc.sql("""
				update rule_attention set resolved_at = :now, resolved_by = :by
				where id = :id and resolved_at is null
				""").param("now", Instants.utc(this.clock.instant())).param("by", actorId).param("id", id).update();
		if (changed == 0) {
			throw ProblemException.conflict("attention-item-closed", "attention.closed");
		}
		return new Outcome("attention.rules.done", List.of(id), Map.of("attentionId", id));
	}

}
