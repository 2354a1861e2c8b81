package kz.zhilyego.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded run: the evaluation of a rule's conditions on an event
 * ({@code actionIndex} -1: MATCHED / NOT_MATCHED) or one of its actions (DONE, REFUSED
 * with the reason, FAILED, RUNNING while it runs).
 */
public record RuleExecution(long id, long ruleId, long eventId, int actionIndex, String actionType, String outcome,
		@Nullable String detail, Instant startedAt) {
}
