package kz.zhilyego.rules.internal;

import java.util.Set;
import java.util.UUID;

import kz.zhilyego.events.PlatformEventInterest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rule engine wants a recorded event only when an enabled rule has its type: asked in
 * the recording transaction, so an event no rule listens to is not announced to
 * {@link RuleTrigger} and costs no event publication.
 * <p>
 * The event types with enabled rules are cached per node, labelled with the version of
 * the rules table ({@code rule_versions}, bumped by a trigger on every change, V98) that
 * the recording transaction reads {@code FOR KEY SHARE}: a change of rules on any node
 * either committed before (the version differs, the types are read again in the same
 * transaction) or waits until the event committed — then the event is one the rule missed
 * at its time, as an event committed a moment before the rule always was, and a replay
 * runs it.
 */
@Component
class RuleInterest implements PlatformEventInterest {

	private static final Version UNKNOWN = new Version(new UUID(0, 0), -1);

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot = new Snapshot(UNKNOWN, Set.of());

	RuleInterest(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Version(UUID generation, long version) {
	}

	private record Snapshot(Version version, Set<String> types) {
	}

	@Override
	public boolean wants(String type) {
		return triggers().contains(type);
	}

	/** The event types that enabled rules listen to, as of this transaction. */
	Set<String> triggers() {
		Version version = this.jdbc
			.sql("select generation, version from rule_versions where name = 'rules' for key share")
			.query((rs, n) -> new Version(rs.getObject("generation", UUID.class), rs.getLong("version")))
			.optional()
			.orElse(UNKNOWN);
		Snapshot cached = this.snapshot;
		if (!version.equals(UNKNOWN) && cached.version().equals(version)) {
			return cached.types();
		}
		Set<String> types = Set
			.copyOf(this.jdbc.sql("select distinct trigger_type from rules where enabled and deleted_at is null")
				.query(String.class)
				.list());
		if (!version.equals(UNKNOWN)) {
			this.snapshot = new Snapshot(version, types);
		}
		return types;
	}

}
