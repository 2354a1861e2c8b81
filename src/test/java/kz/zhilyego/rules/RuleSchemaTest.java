package kz.zhilyego.rules;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule schema as a table: each bad rule names the field that is wrong. */
class RuleSchemaTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GOOD = """
			{"name": "Long cancelled stays", "trigger": "booking.cancelled", "enabled": true,
			 "when": {"all": [{"field": "facts.nights", "op": ">=", "value": 7},
			                  {"any": [{"field": "payload.cancelledBy", "op": "in", "value": ["GUEST", "REALTOR"]},
			                           {"field": "facts.roles", "op": "contains", "value": "REALTOR"}]}]},
			 "actions": [{"type": "create_notification", "to": "realtor", "template": "check_booking"},
			             {"type": "change_status", "to": "CANCELLED", "reason": "OTHER", "note": "by rule"},
			             {"type": "assign_tag", "target": "user", "tag": "long-cancel"},
			             {"type": "request_admin_attention", "note": "look"}]}
			""";

	@Test
	void aRuleUsingEveryPartIsValid() {
		assertThat(RuleSchema.validate(JSON.readTree(GOOD))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown top field      | {"name":"n","trigger":"a.b","actions":[{"type":"assign_tag","target":"user","tag":"x"}],"script":"1"} | script
					missing name           | {"trigger":"a.b","actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | name
					bad trigger            | {"name":"n","trigger":"DROP TABLE","actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | trigger
					no actions             | {"name":"n","trigger":"a.b","actions":[]} | actions
					unknown action         | {"name":"n","trigger":"a.b","actions":[{"type":"run_script","code":"x"}]} | actions[0].type
					unknown operator       | {"name":"n","trigger":"a.b","when":{"field":"payload.x","op":"matches","value":"1"},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.op
					unknown field path     | {"name":"n","trigger":"a.b","when":{"field":"T(java.lang.Runtime)","op":"=","value":"1"},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.field
					unknown condition key  | {"name":"n","trigger":"a.b","when":{"field":"payload.x","op":"=","value":"1","expr":"1+1"},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.expr
					in without a list      | {"name":"n","trigger":"a.b","when":{"field":"payload.x","op":"in","value":"1"},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.value
					object value           | {"name":"n","trigger":"a.b","when":{"field":"payload.x","op":"=","value":{"a":1}},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.value
					empty any              | {"name":"n","trigger":"a.b","when":{"any":[]},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.any
					nested bad operator    | {"name":"n","trigger":"a.b","when":{"all":[{"any":[{"field":"payload.x","op":"~","value":1}]}]},"actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | when.all[0].any[0].op
					bad recipient          | {"name":"n","trigger":"a.b","actions":[{"type":"create_notification","to":"everyone","template":"check_booking"}]} | actions[0].to
					unknown template       | {"name":"n","trigger":"a.b","actions":[{"type":"create_notification","to":"guest","template":"${x}"}]} | actions[0].template
					unknown action field   | {"name":"n","trigger":"a.b","actions":[{"type":"assign_tag","target":"user","tag":"x","sql":"drop"}]} | actions[0].sql
					status not allowed     | {"name":"n","trigger":"a.b","actions":[{"type":"change_status","to":"HOLD"}]} | actions[0].to
					cancel without reason  | {"name":"n","trigger":"a.b","actions":[{"type":"change_status","to":"CANCELLED"}]} | actions[0].reason
					reason for check-in    | {"name":"n","trigger":"a.b","actions":[{"type":"change_status","to":"CHECKED_IN","reason":"OTHER"}]} | actions[0].reason
					bad tag                | {"name":"n","trigger":"a.b","actions":[{"type":"assign_tag","target":"user","tag":"Bad Tag!"}]} | actions[0].tag
					bad tag target         | {"name":"n","trigger":"a.b","actions":[{"type":"assign_tag","target":"agency","tag":"x"}]} | actions[0].target
					attention without note | {"name":"n","trigger":"a.b","actions":[{"type":"request_admin_attention"}]} | actions[0].note
					enabled not boolean    | {"name":"n","trigger":"a.b","enabled":"yes","actions":[{"type":"assign_tag","target":"user","tag":"x"}]} | enabled
					""")
	void aBadRuleIsRejectedWithItsField(String name, String rule, String field) {
		Map<String, String> errors = RuleSchema.validate(JSON.readTree(rule));

		assertThat(errors).as(name).containsKey(field);
	}

	@Test
	void tooDeepNestingIsAnError() {
		String deep = "{\"field\":\"payload.x\",\"op\":\"=\",\"value\":1}";
		for (int i = 0; i < 6; i++) {
			deep = "{\"all\":[" + deep + "]}";
		}
		String rule = "{\"name\":\"n\",\"trigger\":\"a.b\",\"when\":" + deep
				+ ",\"actions\":[{\"type\":\"assign_tag\",\"target\":\"user\",\"tag\":\"x\"}]}";

		assertThat(RuleSchema.validate(JSON.readTree(rule))).containsValue("rules.error.tooDeep");
	}

}
