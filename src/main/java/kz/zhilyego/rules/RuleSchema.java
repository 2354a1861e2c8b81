package kz.zhilyego.rules;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The schema of a rule, checked field by field: every error is a JSON path (e.g.
 * {@code actions[1].to}) and a message key. A rule is
 *
 * <pre>
 * { "name": "…", "trigger": "booking.cancelled", "enabled": true,
 *   "when": condition (optional),
 *   "actions": [ action, … ] }
 * condition = { "all": [condition…] } | { "any": [condition…] }
 *           | { "field": "payload.x" | "facts.x" | "event.type" | "event.subjectType",
 *               "op": "=" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "contains", "value": … }
 * action = { "type": "create_notification", "to": "guest|realtor|agency_head|superuser", "template": "…" }
 *        | { "type": "change_status", "to": "CANCELLED|CHECKED_IN|COMPLETED", "reason": "OTHER…", "note": "…" }
 *        | { "type": "assign_tag", "target": "user|listing|booking", "tag": "…" }
 *        | { "type": "request_admin_attention", "note": "…" }
 * </pre>
 *
 * Unknown fields, operators and actions are errors. See docs/platform.md#rules.
 */
public final class RuleSchema {

	public static final List<String> OPERATORS = List.of("=", "!=", ">", ">=", "<", "<=", "in", "contains");

	public static final List<String> ACTIONS = List.of("create_notification", "change_status", "assign_tag",
			"request_admin_attention");

	public static final List<String> RECIPIENTS = List.of("guest", "realtor", "agency_head", "superuser");

	public static final List<String> TEMPLATES = List.of("check_booking", "payment_problem", "thank_you");

	public static final List<String> STATUSES = List.of("CANCELLED", "CHECKED_IN", "COMPLETED");

	public static final List<String> REASONS = List.of("CHANGE_OF_PLANS", "FOUND_ANOTHER_PLACE", "BOOKED_BY_MISTAKE",
			"LISTING_UNAVAILABLE", "MAINTENANCE", "GUEST_REQUEST", "OTHER");

	public static final List<String> TAG_TARGETS = List.of("user", "listing", "booking");

	static final int MAX_DEPTH = 5;

	static final int MAX_CONDITIONS = 50;

	static final int MAX_ACTIONS = 10;

	private static final Pattern TYPE = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");

	private static final Pattern FIELD = Pattern
		.compile("(payload|facts)\\.[A-Za-z][A-Za-z0-9_]{0,40}|event\\.(type|subjectType|subjectId)");

	private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

	private RuleSchema() {
	}

	/** Every error of {@code rule}: path → message key; empty when it is valid. */
	public static Map<String, String> validate(JsonNode rule) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!rule.isObject()) {
			errors.put("rule", "rules.error.notObject");
			return errors;
		}
		unknownFields(rule, "", Set.of("name", "trigger", "enabled", "when", "actions"), errors);
		JsonNode name = rule.get("name");
		if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 100) {
			errors.put("name", "rules.error.name");
		}
		JsonNode trigger = rule.get("trigger");
		if (trigger == null || !trigger.isString() || !TYPE.matcher(trigger.asString()).matches()) {
			errors.put("trigger", "rules.error.trigger");
		}
		JsonNode enabled = rule.get("enabled");
		if (enabled != null && !enabled.isBoolean()) {
			errors.put("enabled", "rules.error.boolean");
		}
		JsonNode when = rule.get("when");
		if (when != null && !when.isNull()) {
			condition(when, "when", 1, new int[] { 0 }, errors);
		}
		JsonNode actions = rule.get("actions");
		if (actions == null || !actions.isArray() || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
			errors.put("actions", "rules.error.actions");
		}
		else {
			for (int i = 0; i < actions.size(); i++) {
				action(actions.get(i), "actions[" + i + "]", errors);
			}
		}
		return errors;
	}

	private static void condition(JsonNode node, String path, int depth, int[] count, Map<String, String> errors) {
		if (++count[0] > MAX_CONDITIONS) {
			errors.putIfAbsent("when", "rules.error.tooManyConditions");
			return;
		}
		if (depth > MAX_DEPTH) {
			errors.put(path, "rules.error.tooDeep");
			return;
		}
		if (!node.isObject()) {
			errors.put(path, "rules.error.condition");
			return;
		}
		for (String group : List.of("all", "any")) {
			if (node.has(group)) {
				unknownFields(node, path + ".", Set.of(group), errors);
				JsonNode items = node.get(group);
				if (!items.isArray() || items.isEmpty()) {
					errors.put(path + "." + group, "rules.error.group");
					return;
				}
				for (int i = 0; i < items.size(); i++) {
					condition(items.get(i), path + "." + group + "[" + i + "]", depth + 1, count, errors);
				}
				return;
			}
		}
		unknownFields(node, path + ".", Set.of("field", "op", "value"), errors);
		JsonNode field = node.get("field");
		if (field == null || !field.isString() || !FIELD.matcher(field.asString()).matches()) {
			errors.put(path + ".field", "rules.error.field");
		}
		JsonNode op = node.get("op");
		if (op == null || !op.isString() || !OPERATORS.contains(op.asString())) {
			errors.put(path + ".op", "rules.error.operator");
			return;
		}
		JsonNode value = node.get("value");
		if (value == null) {
			errors.put(path + ".value", "rules.error.value");
		}
		else if ("in".equals(op.asString())) {
			if (!value.isArray() || value.isEmpty() || !allScalars(value)) {
				errors.put(path + ".value", "rules.error.valueList");
			}
		}
		else if (!(value.isString() || value.isNumber() || value.isBoolean())) {
			errors.put(path + ".value", "rules.error.value");
		}
	}

	private static boolean allScalars(JsonNode array) {
		for (JsonNode item : array) {
			if (!(item.isString() || item.isNumber() || item.isBoolean())) {
				return false;
			}
		}
		return true;
	}

	private static void action(JsonNode node, String path, Map<String, String> errors) {
		if (!node.isObject()) {
			errors.put(path, "rules.error.action");
			return;
		}
		JsonNode type = node.get("type");
		if (type == null || !type.isString() || !ACTIONS.contains(type.asString())) {
			errors.put(path + ".type", "rules.error.actionType");
			return;
		}
		switch (type.asString()) {
			case "create_notification" -> {
				unknownFields(node, path + ".", Set.of("type", "to", "template"), errors);
				oneOf(node, "to", RECIPIENTS, path, errors);
				oneOf(node, "template", TEMPLATES, path, errors);
			}
			case "change_status" -> {
				unknownFields(node, path + ".", Set.of("type", "to", "reason", "note"), errors);
				oneOf(node, "to", STATUSES, path, errors);
				JsonNode to = node.get("to");
				if (to != null && "CANCELLED".equals(to.asString())) {
					oneOf(node, "reason", REASONS, path, errors);
				}
				else if (node.has("reason")) {
					errors.put(path + ".reason", "rules.error.reasonOnlyForCancel");
				}
				text(node, "note", false, path, errors);
			}
			case "assign_tag" -> {
				unknownFields(node, path + ".", Set.of("type", "target", "tag"), errors);
				oneOf(node, "target", TAG_TARGETS, path, errors);
				JsonNode tag = node.get("tag");
				if (tag == null || !tag.isString() || !TAG.matcher(tag.asString()).matches()) {
					errors.put(path + ".tag", "rules.error.tag");
				}
			}
			default -> {
				unknownFields(node, path + ".", Set.of("type", "note"), errors);
				text(node, "note", true, path, errors);
			}
		}
	}

	private static void oneOf(JsonNode node, String field, List<String> allowed, String path,
			Map<String, String> errors) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || !allowed.contains(value.asString())) {
			errors.put(path + "." + field, "rules.error." + field);
		}
	}

	private static void text(JsonNode node, String field, boolean required, String path, Map<String, String> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				errors.put(path + "." + field, "rules.error.note");
			}
			return;
		}
		if (!value.isString() || value.asString().isBlank() || value.asString().length() > 500) {
			errors.put(path + "." + field, "rules.error.note");
		}
	}

	private static void unknownFields(JsonNode node, String prefix, Set<String> known, Map<String, String> errors) {
		for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				errors.put(prefix + name, "rules.error.unknownField");
			}
		}
	}

}
