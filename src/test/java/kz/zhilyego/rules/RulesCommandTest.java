package kz.zhilyego.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesCommandTest {

	@Test
	void theCommandTakesLastWithADefaultAndABound() {
		assertThat(RulesCommand.handles(new String[] { "rules-replay", "--last=50" })).isTrue();
		assertThat(RulesCommand.handles(new String[] { "backup" })).isFalse();
		assertThat(RulesCommand.last(new String[] { "rules-replay", "--last=50" })).isEqualTo(50);
		assertThat(RulesCommand.last(new String[] { "rules-replay" })).isEqualTo(200);
		assertThatThrownBy(() -> RulesCommand.last(new String[] { "rules-replay", "--last=0" }))
			.isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> RulesCommand.last(new String[] { "rules-replay", "--last=x" }))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(RulesCommand.run(Object.class, new String[] { "rules-replay", "--last=-5" })).isEqualTo(2);
	}

}
