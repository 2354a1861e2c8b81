package kz.zhilyego.flags;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superuser creates, changes and deletes flags: checked (every wrong field is a 400
 * problem with field errors, nothing changes), written and audited
 * ({@code feature-flag.created|changed|deleted} with the values before and after) in one
 * transaction. The change bumps the flags' version, so every node evaluates with it next.
 */
@Service
public class FeatureFlagAdmin {

	static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_LISTED = 1000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	FeatureFlagAdmin(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<FeatureFlag> list(CurrentUser user) {
		requireSuperuser(user);
		return this.jdbc.sql("select * from feature_flags order by key").query((rs, n) -> FeatureFlags.map(rs)).list();
	}

	@Transactional(readOnly = true)
	public FeatureFlag get(CurrentUser user, String key) {
		requireSuperuser(user);
		return find(key);
	}

	@Transactional
	public FeatureFlag create(CurrentUser user, FlagValues values) {
		requireSuperuser(user);
		Map<String, String> errors = new LinkedHashMap<>();
		String key = values.key() == null ? "" : values.key().strip();
		if (!KEY.matcher(key).matches()) {
			errors.put("key", "flags.error.key");
		}
		Checked checked = check(values, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		int inserted = write("""
				insert into feature_flags (key, description, enabled, roles, percentage, user_ids, agency_ids,
				                           version, created_at, updated_at, updated_by)
				values (:key, :description, :enabled, cast(:roles as text[]), :percentage, cast(:users as bigint[]),
				        cast(:agencies as bigint[]), 1, :now, :now, :actor)
				on conflict (key) do nothing
				""", key, checked, user);
		if (inserted == 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "feature-flag-exists", "flags.error.exists",
					Map.of("key", "flags.error.exists"));
		}
		FeatureFlag created = find(key);
		this.audit.record(user.id(), "feature-flag.created", "feature-flag", key, Map.of("after", describe(created)));
		return created;
	}

	@Transactional
	public FeatureFlag update(CurrentUser user, String key, FlagValues values) {
		requireSuperuser(user);
		FeatureFlag before = find(key);
		Map<String, String> errors = new LinkedHashMap<>();
		Checked checked = check(values, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		write("""
				update feature_flags
				set description = :description, enabled = :enabled, roles = cast(:roles as text[]),
				    percentage = :percentage, user_ids = cast(:users as bigint[]),
				    agency_ids = cast(:agencies as bigint[]), version = version + 1, updated_at = :now,
				    updated_by = :actor
				where key = :key
				""", key, checked, user);
		FeatureFlag after = find(key);
		this.audit.record(user.id(), "feature-flag.changed", "feature-flag", key,
				Map.of("before", describe(before), "after", describe(after)));
		return after;
	}

	@Transactional
	public void delete(CurrentUser user, String key) {
		requireSuperuser(user);
		FeatureFlag before = find(key);
		this.jdbc.sql("delete from feature_flags where key = :key").param("key", key).update();
		this.audit.record(user.id(), "feature-flag.deleted", "feature-flag", key, Map.of("before", describe(before)));
	}

	/**
	 * Turns a flag on for everyone, creating it when missing (the demo data; audited as
	 * the system).
	 */
	@Transactional
	public void enableForEveryone(String key, String description) {
		int changed = this.jdbc.sql("""
				insert into feature_flags (key, description, enabled, created_at, updated_at)
				values (:key, :description, true, :now, :now)
				on conflict (key) do update set enabled = true, version = feature_flags.version + 1,
				    updated_at = excluded.updated_at
				where not feature_flags.enabled
				""")
			.param("key", key)
			.param("description", description)
			.param("now", Instants.utc(this.clock.instant()))
			.update();
		if (changed > 0) {
			this.audit.record(null, "feature-flag.enabled", "feature-flag", key, Map.of("enabled", true));
		}
	}

	private FeatureFlag find(String key) {
		return this.jdbc.sql("select * from feature_flags where key = :key")
			.param("key", key)
			.query((rs, n) -> FeatureFlags.map(rs))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("flags.error.notFound"));
	}

	private record Checked(String description, boolean enabled, Set<Role> roles, int percentage, List<Long> userIds,
			List<Long> agencyIds) {
	}

	private static Checked check(FlagValues values, Map<String, String> errors) {
		String description = values.description() == null ? "" : values.description().strip();
		if (description.length() > MAX_DESCRIPTION) {
			errors.put("description", "flags.error.description");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : values.roles() == null ? List.<String>of() : values.roles()) {
			try {
				roles.add(Role.valueOf(String.valueOf(role).strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.put("roles", "flags.error.role");
			}
		}
		int percentage = values.percentage() == null ? 0 : values.percentage();
		if (percentage < 0 || percentage > 100) {
			errors.put("percentage", "flags.error.percentage");
		}
		List<Long> users = ids(values.userIds(), "userIds", errors);
		List<Long> agencies = ids(values.agencyIds(), "agencyIds", errors);
		return new Checked(description, Boolean.TRUE.equals(values.enabled()), roles, percentage, users, agencies);
	}

	private static List<Long> ids(@Nullable List<Long> ids, String field, Map<String, String> errors) {
		if (ids == null) {
			return List.of();
		}
		Set<Long> unique = new LinkedHashSet<>();
		for (Long id : ids) {
			if (id == null || id <= 0) {
				errors.put(field, "flags.error.ids");
				return List.of();
			}
			unique.add(id);
		}
		if (unique.size() > MAX_LISTED) {
			errors.put(field, "flags.error.tooMany");
		}
		return new ArrayList<>(unique);
	}

	private static ProblemException invalid(Map<String, String> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, MAX_LISTED);
	}

	private static Map<String, Object> describe(FeatureFlag flag) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("description", flag.description());
		values.put("enabled", flag.enabled());
		values.put("roles", flag.roles().stream().map(Role::name).sorted().toList());
		values.put("percentage", flag.percentage());
		values.put("userIds", flag.userIds());
		values.put("agencyIds", flag.agencyIds());
		return values;
	}

	static void requireSuperuser(CurrentUser user) {
		if (!user.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
	}

	/** Runs an insert or update of a flag with its checked values. */
	private int write(String sql, String key, Checked checked, CurrentUser user) {
		return this.jdbc.sql(sql)
			.param("key", key)
			.param("description", checked.description())
			.param("enabled", checked.enabled())
			.param("roles", checked.roles().stream().map(Role::name).toArray(String[]::new))
			.param("percentage", checked.percentage())
			.param("users", checked.userIds().toArray(Long[]::new))
			.param("agencies", checked.agencyIds().toArray(Long[]::new))
			.param("now", Instants.utc(this.clock.instant()))
			.param("actor", user.id())
			.update();
	}

}
