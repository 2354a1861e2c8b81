package kz.zhilyego.rules.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.common.Instants;
import kz.zhilyego.rules.Rule;
import kz.zhilyego.rules.RuleExecution;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rule engine's tables: rules, executions (the claims), tags and attention requests.
 */
@Repository
public class RuleStore {

	private final JdbcClient jdbc;

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Rule> all() {
		return this.jdbc.sql("select * from rules where deleted_at is null order by id").query(this::rule).list();
	}

	public Optional<Rule> find(long id) {
		return this.jdbc.sql("select * from rules where id = :id and deleted_at is null")
			.param("id", id)
			.query(this::rule)
			.optional();
	}

	List<Rule> enabledFor(String type) {
		return this.jdbc.sql("""
				select * from rules where trigger_type = :type and enabled and deleted_at is null order by id
				""").param("type", type).query(this::rule).list();
	}

	public long insert(String name, String trigger, boolean enabled, String definition, long by, Instant now) {
		return this.jdbc.sql("""
				insert into rules (name, trigger_type, enabled, definition, created_by, created_at, updated_at)
				values (:name, :trigger, :enabled, cast(:definition as jsonb), :by, :now, :now)
				returning id
				""")
			.param("name", name)
			.param("trigger", trigger)
			.param("enabled", enabled)
			.param("definition", definition)
			.param("by", by)
			.param("now", Instants.utc(now))
			.query(Long.class)
			.single();
	}

	public boolean update(long id, String name, String trigger, boolean enabled, String definition, Instant now) {
		return this.jdbc.sql("""
				update rules set name = :name, trigger_type = :trigger, enabled = :enabled,
				    definition = cast(:definition as jsonb), version = version + 1, updated_at = :now
				where id = :id and deleted_at is null
				""")
			.param("name", name)
			.param("trigger", trigger)
			.param("enabled", enabled)
			.param("definition", definition)
			.param("now", Instants.utc(now))
			.param("id", id)
			.update() == 1;
	}

	public boolean delete(long id, Instant now) {
		return this.jdbc
			.sql("update rules set deleted_at = :now, enabled = false where id = :id and deleted_at is null")
			.param("now", Instants.utc(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Claims (rule, event, action): true for exactly one caller, ever — on every node and
	 * after any restart (the unique key).
	 */
	boolean claim(long ruleId, long eventId, int actionIndex, String actionType, Instant now) {
		return this.jdbc.sql("""
				insert into rule_executions (rule_id, event_id, action_index, action_type, outcome, started_at)
				values (:rule, :event, :index, :type, 'RUNNING', :now)
				on conflict (rule_id, event_id, action_index) do nothing
				""")
			.param("rule", ruleId)
			.param("event", eventId)
			.param("index", actionIndex)
			.param("type", actionType)
			.param("now", Instants.utc(now))
			.update() == 1;
	}

	void finish(long ruleId, long eventId, int actionIndex, String outcome, @Nullable String detail, Instant now) {
		this.jdbc.sql("""
				update rule_executions set outcome = :outcome, detail = :detail, finished_at = :now
				where rule_id = :rule and event_id = :event and action_index = :index
				""")
			.param("outcome", outcome)
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
			.param("now", Instants.utc(now))
			.param("rule", ruleId)
			.param("event", eventId)
			.param("index", actionIndex)
			.update();
	}

	public List<RuleExecution> executions(long ruleId, int limit) {
		return this.jdbc.sql("select * from rule_executions where rule_id = :rule order by id desc limit :limit")
			.param("rule", ruleId)
			.param("limit", limit)
			.query(this::execution)
			.list();
	}

	public List<RuleExecution> latestExecutions(int limit) {
		return this.jdbc.sql("select * from rule_executions order by id desc limit :limit")
			.param("limit", limit)
			.query(this::execution)
			.list();
	}

	boolean tag(String subjectType, String subjectId, String tag, long ruleId, long eventId, Instant now) {
		return this.jdbc.sql("""
				insert into rule_tags (subject_type, subject_id, tag, rule_id, event_id, created_at)
				values (:type, :id, :tag, :rule, :event, :now)
				on conflict (subject_type, subject_id, tag) do nothing
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("tag", tag)
			.param("rule", ruleId)
			.param("event", eventId)
			.param("now", Instants.utc(now))
			.update() == 1;
	}

	/** The tags of one user, listing or booking, in the order they came. */
	public List<String> tags(String subjectType, String subjectId) {
		return this.jdbc.sql("""
				select tag from rule_tags where subject_type = :type and subject_id = :id order by created_at, id
				""").param("type", subjectType).param("id", subjectId).query(String.class).list();
	}

	boolean requestAttention(long ruleId, long eventId, String subjectType, String subjectId, String note,
			Instant now) {
		return this.jdbc.sql("""
				insert into rule_attention (rule_id, event_id, subject_type, subject_id, note, created_at)
				values (:rule, :event, :type, :id, :note, :now)
				on conflict (rule_id, event_id) do nothing
				""")
			.param("rule", ruleId)
			.param("event", eventId)
			.param("type", subjectType)
			.param("id", subjectId)
			.param("note", note)
			.param("now", Instants.utc(now))
			.update() == 1;
	}

	private Rule rule(ResultSet rs, int n) throws SQLException {
		return new Rule(rs.getLong("id"), rs.getString("name"), rs.getString("trigger_type"), rs.getBoolean("enabled"),
				rs.getString("definition"), rs.getInt("version"), rs.getLong("created_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private RuleExecution execution(ResultSet rs, int n) throws SQLException {
		return new RuleExecution(rs.getLong("id"), rs.getLong("rule_id"), rs.getLong("event_id"),
				rs.getInt("action_index"), rs.getString("action_type"), rs.getString("outcome"), rs.getString("detail"),
				rs.getTimestamp("started_at").toInstant());
	}

}
