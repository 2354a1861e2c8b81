package kz.zhilyego.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

	@Test
	void masksCardsPhonesEmailsTokensAndApiKeys() {
		String text = "card 4111 1111 1111 1111 / 5500-0000-0000-0004, phone +7 701 123 45 67 or 8 (701) 123-45-67, "
				+ "mail guest.name@example.kz, Bearer abc.DEF-123_xyz, jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig, "
				+ "key zgo_ab12cd34_0123456789abcdefghijKLMNOP";

		String scrubbed = Redaction.scrub(text);

		assertThat(scrubbed).doesNotContain("4111", "5500", "701", "guest.name", "abc.DEF", "eyJ", "zgo_ab12");
		assertThat(Redaction.secretsIn(text)).hasSize(7);
	}

	@Test
	void leavesIdsTimesAndAmountsAlone() {
		String text = "Booking 3f2a9c1e-4b7d-4e21-9a0b-7c6d5e4f3a21 of listing 193 held until 2026-12-01T05:15:00Z, "
				+ "total 60000.00 KZT, took 1764081234567 ms, notification #42 (attempt 3), port 54321";

		assertThat(Redaction.scrub(text)).isEqualTo(text);
		assertThat(Redaction.secretsIn(text)).isEmpty();
	}

	@Test
	void aNumberThatFailsTheLuhnCheckIsNoCard() {
		assertThat(Redaction.secretsIn("order 4111111111111112")).isEmpty();
		assertThat(Redaction.secretsIn("order 4111111111111111")).containsExactly("4111111111111111");
	}

}
