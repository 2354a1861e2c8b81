package kz.zhilyego.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTest {

	@ParameterizedTest
	@ValueSource(strings = { "aigerim@mail.kz", "a.b+booking@sub.example.com", "dana_1@test.zhilyego.kz",
			"info@zhilyego.kz" })
	void realAddressesAreValid(String email) {
		assertThat(Emails.valid(email)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "aigerim@mail", "aigerim@@mail.kz", "aigerim mail.kz", "@mail.kz", "aigerim@",
			"aigerim@mail.kz.", "aigerim@.kz", "a@b", "aigerim@mail.notatld", "" })
	void brokenAddressesAreNot(String email) {
		assertThat(Emails.valid(email)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void anAddressLongerThanSmtpAllowsIsNot() {
		assertThat(Emails
			.valid("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".kz"))
			.isFalse();
	}

}
