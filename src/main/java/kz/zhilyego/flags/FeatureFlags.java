package kz.zhilyego.flags;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place flags are evaluated. Each node keeps a copy of all flags labelled with
 * the flags' version ({@code feature_flag_versions}, bumped by a trigger on every change,
 * V83); an evaluation reads the current version first (one primary-key read) and reloads
 * the copy, in the same transaction, when it differs. A change is therefore in force on
 * every node at its next evaluation, with no message between nodes (ADR 0006). An unknown
 * flag is off.
 */
@Service
public class FeatureFlags {

	/** The booking chat between guest and realtor (issue 18, item 7). */
	public static final String BOOKING_CHAT = "booking-chat";

	private final JdbcClient jdbc;

	private final TransactionTemplate reads;

	private volatile @Nullable Snapshot snapshot;

	record Version(UUID generation, long version) {
	}

	private record Snapshot(Version version, Map<String, FeatureFlag> flags) {
	}

	FeatureFlags(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether the flag {@code key} is on for {@code subject}; an unknown flag is off. */
	public boolean isOn(String key, FlagSubject subject) {
		FeatureFlag flag = current().get(key);
		return flag != null && flag.isOnFor(subject);
	}

	/** Every flag in force, by key. */
	public Map<String, FeatureFlag> all() {
		return current();
	}

	/** One flag in force. */
	public Optional<FeatureFlag> find(String key) {
		return Optional.ofNullable(current().get(key));
	}

	private Map<String, FeatureFlag> current() {
		Snapshot copy = this.snapshot;
		Version version = readVersion();
		if (copy != null && copy.version().equals(version)) {
			return copy.flags();
		}
		// version first, then the flags, in one repeatable-read transaction: the copy can
		// only be fresher than its label, never staler
		Snapshot read = this.reads.execute(status -> new Snapshot(readVersion(), load()));
		this.snapshot = read;
		return read.flags();
	}

	private Version readVersion() {
		return this.jdbc.sql("select generation, version from feature_flag_versions where name = 'feature_flags'")
			.query((rs, n) -> new Version(rs.getObject("generation", UUID.class), rs.getLong("version")))
			.optional()
			.orElse(new Version(new UUID(0, 0), -1));
	}

	Map<String, FeatureFlag> load() {
		Map<String, FeatureFlag> flags = new LinkedHashMap<>();
		this.jdbc.sql("select * from feature_flags order by key")
			.query((rs, n) -> map(rs))
			.list()
			.forEach(flag -> flags.put(flag.key(), flag));
		return Map.copyOf(flags);
	}

	static FeatureFlag map(ResultSet rs) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : texts(rs.getArray("roles"))) {
			try {
				roles.add(Role.valueOf(role));
			}
			catch (IllegalArgumentException ex) {
				// a role that no longer exists targets nobody
			}
		}
		long updatedBy = rs.getLong("updated_by");
		Long by = rs.wasNull() ? null : updatedBy;
		return new FeatureFlag(rs.getString("key"), rs.getString("description"), rs.getBoolean("enabled"), roles,
				rs.getInt("percentage"), longs(rs.getArray("user_ids")), longs(rs.getArray("agency_ids")),
				rs.getLong("version"), Instants.readOrNull(rs, "updated_at"), by);
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static List<Long> longs(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(((Number) value).longValue());
		}
		return values;
	}

}
