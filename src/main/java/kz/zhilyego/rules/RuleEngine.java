package kz.zhilyego.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.events.PlatformEvents;
import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.rules.internal.RuleRunner;
import org.springframework.stereotype.Service;

/**
 * Runs rules on recorded events: after an event commits (the listener), again on a replay
 * of the last N events (admin action and CLI), never twice for one (rule, event, action);
 * and dry-runs a rule against the last N events without changing anything.
 */
@Service
public class RuleEngine {

	/** Most events a dry-run or a replay looks at. */
	public static final int MAX_LAST = 10_000;

	private final PlatformEvents events;

	private final RuleRunner runner;

	RuleEngine(PlatformEvents events, RuleRunner runner, Clock clock) {
		this.events = events;
		this.runner = runner;
	}

	/** Runs every enabled rule of the event's type; returns how many actions ran now. */
	public int execute(long eventId) {
		return this.events.find(eventId).map(this.runner::run).orElse(0);
	}

	/**
	 * {@link #execute(long)} for an event whose type is known (the listener's case): the
	 * rules of the type are read first and the event only when there are any, so an event
	 * no rule listens to costs one read.
	 */
	public int execute(long eventId, String type) {
		List<Rule> rules = this.runner.enabledFor(type);
		if (rules.isEmpty()) {
			return 0;
		}
		return this.events.find(eventId)
			.map(event -> event.type().equals(type) ? this.runner.run(event, rules) : this.runner.run(event))
			.orElse(0);
	}

	/** What a replay did: events looked at, actions run now (0 when all ran before). */
	public record Replay(int events, int actionsRun) {
	}

	public Replay replay(int last) {
		List<RecordedEvent> recent = this.events.last(checked(last));
		int run = 0;
		for (RecordedEvent event : recent) {
			run += this.runner.run(event);
		}
		return new Replay(recent.size(), run);
	}

	/** One event a dry-run matched, and what the rule would do. */
	public record DryRunMatch(long eventId, String type, String subject, List<String> actions) {
	}

	public record DryRun(int events, List<DryRunMatch> matches) {
	}

	public DryRun dryRun(Rule rule, int last) {
		List<RecordedEvent> recent = this.events.last(checked(last));
		List<DryRunMatch> matches = new ArrayList<>();
		for (RecordedEvent event : recent) {
			this.runner.wouldDo(rule, event)
				.ifPresent(actions -> matches.add(new DryRunMatch(event.id(), event.type(),
						event.subjectType() + ":" + event.subjectId(), actions)));
		}
		return new DryRun(recent.size(), matches);
	}

	static int checked(int last) {
		if (last < 1 || last > MAX_LAST) {
			throw kz.zhilyego.common.ProblemException.invalidField("last", "rules.error.last", MAX_LAST);
		}
		return last;
	}

}
