package kz.zhilyego.rules;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.rules.internal.RuleStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The superuser's rules: list, read, create, replace and delete, each checked against
 * {@link RuleSchema} first (400 with every field error, nothing saved) and audited;
 * dry-run and replay through {@link RuleEngine}.
 */
@Service
public class RuleAdmin {

	private final RuleStore store;

	private final RuleEngine engine;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditLog audit;

	RuleAdmin(RuleStore store, RuleEngine engine, JsonMapper json, Clock clock, AuditLog audit) {
		this.store = store;
		this.engine = engine;
		this.json = json;
		this.clock = clock;
		this.audit = audit;
	}

	/** A rule as the API shows it: the stored JSON as an object. */
	public record View(long id, String name, String trigger, boolean enabled, int version, JsonNode definition,
			java.time.Instant updatedAt) {
	}

	public List<View> list(CurrentUser user) {
		requireSuperuser(user);
		return this.store.all().stream().map(this::view).toList();
	}

	public View get(CurrentUser user, long id) {
		requireSuperuser(user);
		return view(rule(id));
	}

	@Transactional
	public View create(CurrentUser user, String body) {
		requireSuperuser(user);
		JsonNode rule = parse(body);
		long id = this.store.insert(rule.get("name").asString().strip(), rule.get("trigger").asString(), enabled(rule),
				rule.toString(), user.id(), this.clock.instant());
		this.audit.record(user.id(), "rule.created", "rule", String.valueOf(id),
				Map.of("trigger", rule.get("trigger").asString()));
		return view(rule(id));
	}

	@Transactional
	public View replace(CurrentUser user, long id, String body) {
		requireSuperuser(user);
		rule(id);
		JsonNode rule = parse(body);
		this.store.update(id, rule.get("name").asString().strip(), rule.get("trigger").asString(), enabled(rule),
				rule.toString(), this.clock.instant());
		this.audit.record(user.id(), "rule.updated", "rule", String.valueOf(id),
				Map.of("trigger", rule.get("trigger").asString()));
		return view(rule(id));
	}

	@Transactional
	public void delete(CurrentUser user, long id) {
		requireSuperuser(user);
		if (!this.store.delete(id, this.clock.instant())) {
			throw ProblemException.notFound("rules.notFound");
		}
		this.audit.record(user.id(), "rule.deleted", "rule", String.valueOf(id), Map.of());
	}

	public RuleEngine.DryRun dryRun(CurrentUser user, long id, int last) {
		requireSuperuser(user);
		return this.engine.dryRun(rule(id), last);
	}

	public RuleEngine.Replay replay(CurrentUser user, int last) {
		requireSuperuser(user);
		RuleEngine.Replay replay = this.engine.replay(last);
		this.audit.record(user.id(), "rule.replayed", "rule", null,
				Map.of("last", last, "events", replay.events(), "actionsRun", replay.actionsRun()));
		return replay;
	}

	public List<RuleExecution> executions(CurrentUser user, long id) {
		requireSuperuser(user);
		rule(id);
		return this.store.executions(id, 200);
	}

	/**
	 * The JSON checked against the schema. @throws ProblemException 400 with every error
	 */
	public JsonNode parse(String body) {
		JsonNode rule;
		try {
			rule = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ProblemException.invalidField("rule", "rules.error.json");
		}
		Map<String, String> errors = rule == null ? Map.of("rule", "rules.error.notObject") : RuleSchema.validate(rule);
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
					new LinkedHashMap<>(errors));
		}
		return rule;
	}

	private static boolean enabled(JsonNode rule) {
		return !rule.has("enabled") || rule.get("enabled").asBoolean();
	}

	private Rule rule(long id) {
		return this.store.find(id).orElseThrow(() -> ProblemException.notFound("rules.notFound"));
	}

	private View view(Rule rule) {
		return new View(rule.id(), rule.name(), rule.trigger(), rule.enabled(), rule.version(),
				this.json.readTree(rule.definition()), rule.updatedAt());
	}

	static void requireSuperuser(CurrentUser user) {
		if (!user.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
	}

}
