/**
 * The rule engine: rules stored as JSON (a trigger event type, conditions over the
 * event's payload and its subject's current facts, actions) and validated on save; no
 * string is ever evaluated as code. Rules run after the event's transaction commits, each
 * action at most once per event (a unique execution row), with every execution recorded.
 * Owns {@code rules}, {@code rule_executions}, {@code rule_tags} and
 * {@code rule_attention}.
 */
@NullMarked
package kz.zhilyego.rules;

import org.jspecify.annotations.NullMarked;
