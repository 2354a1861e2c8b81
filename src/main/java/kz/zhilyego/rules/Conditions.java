package kz.zhilyego.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a validated condition ({@link RuleSchema}) over a map of values:
 * {@code payload.*}, {@code facts.*} and {@code event.*}. Plain comparisons only: numbers
 * as decimals (also numbers written as text, like amounts), everything else as text;
 * {@code in} is membership, {@code contains} a list element or a substring. A missing
 * value matches only {@code !=}.
 */
public final class Conditions {

	private Conditions() {
	}

	public static boolean matches(@Nullable JsonNode condition, Map<String, @Nullable Object> values) {
		if (condition == null || condition.isNull()) {
			return true;
		}
		if (condition.has("all")) {
			for (JsonNode item : condition.get("all")) {
				if (!matches(item, values)) {
					return false;
				}
			}
			return true;
		}
		if (condition.has("any")) {
			for (JsonNode item : condition.get("any")) {
				if (matches(item, values)) {
					return true;
				}
			}
			return false;
		}
		Object actual = values.get(condition.get("field").asString());
		JsonNode expected = condition.get("value");
		return switch (condition.get("op").asString()) {
			case "=" -> actual != null && compare(actual, expected) == 0;
			case "!=" -> actual == null || compare(actual, expected) != 0;
			case ">" -> actual != null && compare(actual, expected) > 0;
			case ">=" -> actual != null && compare(actual, expected) >= 0;
			case "<" -> actual != null && compare(actual, expected) < 0;
			case "<=" -> actual != null && compare(actual, expected) <= 0;
			case "in" -> {
				for (JsonNode item : expected) {
					if (actual != null && compare(actual, item) == 0) {
						yield true;
					}
				}
				yield false;
			}
			case "contains" -> contains(actual, expected);
			default -> false;
		};
	}

	private static boolean contains(@Nullable Object actual, JsonNode expected) {
		if (actual instanceof Collection<?> items) {
			return items.stream().anyMatch(item -> item != null && compare(item, expected) == 0);
		}
		return actual != null && actual.toString().contains(text(expected));
	}

	/** Decimal comparison when both sides are numbers, else text comparison. */
	static int compare(Object actual, JsonNode expected) {
		BigDecimal left = decimal(actual.toString());
		BigDecimal right = decimal(text(expected));
		if (left != null && right != null) {
			return left.compareTo(right);
		}
		if (actual instanceof Boolean || expected.isBoolean()) {
			return Objects.equals(actual.toString(), text(expected)) ? 0 : 1;
		}
		return Integer.signum(actual.toString().compareTo(text(expected)));
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : node.toString();
	}

	private static @Nullable BigDecimal decimal(String text) {
		if (text.isEmpty() || text.length() > 40) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
