package kz.zhilyego.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstantsTest {

	@Test
	void anInstantIsBoundAsTheSameInstantInUtc() {
		Instant instant = Instant.parse("2026-12-02T01:30:00.123456Z");

		OffsetDateTime bound = Instants.utc(instant);

		assertThat(bound.getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(bound.toInstant()).isEqualTo(instant);
		assertThat(Instants.utcOrNull(instant)).isEqualTo(bound);
		assertThat(Instants.utcOrNull(null)).isNull();
	}

}
