package kz.zhilyego.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operator and both groups over one set of values, as a table. */
class ConditionsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, @Nullable Object> values() {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("facts.status", "CONFIRMED");
		values.put("facts.nights", 7);
		values.put("payload.refundDue", "30000.00");
		values.put("facts.roles", List.of("REALTOR", "USER"));
		values.put("payload.reason", "GUEST_REQUEST");
		values.put("facts.telegram", true);
		return values;
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"field":"facts.status","op":"=","value":"CONFIRMED"}                 | true
					{"field":"facts.status","op":"!=","value":"CONFIRMED"}                | false
					{"field":"facts.missing","op":"!=","value":"x"}                       | true
					{"field":"facts.missing","op":"=","value":"x"}                        | false
					{"field":"facts.nights","op":">","value":6}                           | true
					{"field":"facts.nights","op":">=","value":7}                          | true
					{"field":"facts.nights","op":"<","value":7}                           | false
					{"field":"facts.nights","op":"<=","value":7}                          | true
					{"field":"payload.refundDue","op":">","value":25000}                  | true
					{"field":"payload.refundDue","op":"=","value":"30000"}                | true
					{"field":"facts.nights","op":">","value":"10"}                        | false
					{"field":"facts.status","op":"in","value":["HOLD","CONFIRMED"]}       | true
					{"field":"facts.status","op":"in","value":["HOLD"]}                   | false
					{"field":"facts.roles","op":"contains","value":"REALTOR"}             | true
					{"field":"facts.roles","op":"contains","value":"SUPERUSER"}           | false
					{"field":"payload.reason","op":"contains","value":"GUEST"}            | true
					{"field":"facts.telegram","op":"=","value":true}                      | true
					{"all":[{"field":"facts.nights","op":">","value":5},{"field":"facts.status","op":"=","value":"HOLD"}]} | false
					{"any":[{"field":"facts.nights","op":">","value":5},{"field":"facts.status","op":"=","value":"HOLD"}]} | true
					{"all":[{"any":[{"field":"facts.status","op":"=","value":"X"},{"field":"facts.nights","op":"=","value":7}]}]} | true
					""")
	void evaluates(String condition, boolean expected) {
		assertThat(Conditions.matches(JSON.readTree(condition), values())).isEqualTo(expected);
	}

}
