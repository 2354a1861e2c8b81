package kz.zhilyego.rules.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.rules.Conditions;
import kz.zhilyego.rules.Rule;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event through the rules of its type. Each (rule, event) evaluation and each (rule,
 * event, action) is claimed with a unique row committed before the work: whoever inserts
 * it runs it, everyone else (another node, a replay, a restart) skips it. An action that
 * fails after its claim stays FAILED (or RUNNING after a crash) for a person; it is never
 * run a second time — at most once.
 */
@Component
public class RuleRunner {

	private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

	private final RuleStore store;

	private final Facts facts;

	private final Actions actions;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate claims;

	RuleRunner(RuleStore store, Facts facts, Actions actions, JsonMapper json, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.facts = facts;
		this.actions = actions;
		this.json = json;
		this.clock = clock;
		this.claims = new TransactionTemplate(transactionManager);
		this.claims.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Returns how many actions ran in this call. */
	public int run(RecordedEvent event) {
		return run(event, enabledFor(event.type()));
	}

	/** The enabled rules of an event type, in id order. */
	public List<Rule> enabledFor(String type) {
		return this.store.enabledFor(type);
	}

	/**
	 * Runs {@code rules} (the enabled rules of the event's type, read just before) on
	 * {@code event}; returns how many actions ran in this call.
	 */
	public int run(RecordedEvent event, List<Rule> rules) {
		if (rules.isEmpty()) {
			return 0;
		}
		Map<String, @Nullable Object> values = this.facts.of(event);
		int ran = 0;
		for (Rule rule : rules) {
			JsonNode definition = this.json.readTree(rule.definition());
			if (!claim(rule, event, -1, "evaluate")) {
				continue;
			}
			boolean matched = Conditions.matches(definition.get("when"), values);
			finish(rule, event, -1, matched ? "MATCHED" : "NOT_MATCHED", null);
			if (!matched) {
				continue;
			}
			JsonNode list = definition.get("actions");
			for (int i = 0; i < list.size(); i++) {
				JsonNode action = list.get(i);
				if (!claim(rule, event, i, action.get("type").asString())) {
					continue;
				}
				Actions.Outcome outcome;
				try {
					outcome = this.actions.run(rule, event, action);
				}
				catch (RuntimeException ex) {
					log.warn("Rule {} action {} on event {} failed: {}", rule.id(), i, event.id(), ex.toString());
					outcome = new Actions.Outcome("FAILED", ex.getClass().getSimpleName());
				}
				finish(rule, event, i, outcome.outcome(), outcome.detail());
				ran++;
			}
		}
		return ran;
	}

	/**
	 * The actions {@code rule} would take on {@code event}; empty when it does not match.
	 */
	public Optional<List<String>> wouldDo(Rule rule, RecordedEvent event) {
		if (!rule.trigger().equals(event.type())) {
			return Optional.empty();
		}
		JsonNode definition = this.json.readTree(rule.definition());
		if (!Conditions.matches(definition.get("when"), this.facts.of(event))) {
			return Optional.empty();
		}
		List<String> planned = new ArrayList<>();
		for (JsonNode action : definition.get("actions")) {
			planned.add(this.actions.describe(event, action));
		}
		return Optional.of(planned);
	}

	private boolean claim(Rule rule, RecordedEvent event, int index, String type) {
		return Boolean.TRUE.equals(this.claims
			.execute(status -> this.store.claim(rule.id(), event.id(), index, type, this.clock.instant())));
	}

	private void finish(Rule rule, RecordedEvent event, int index, String outcome, @Nullable String detail) {
		this.claims.executeWithoutResult(
				status -> this.store.finish(rule.id(), event.id(), index, outcome, detail, this.clock.instant()));
	}

}
