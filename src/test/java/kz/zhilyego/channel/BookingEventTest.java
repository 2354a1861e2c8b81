package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The webhook's event contract (docs/integrations.md): what is read, what is refused and
 * why.
 */
class BookingEventTest {

	private static final String GUEST = ",\"guest\":{\"name\":\"Дана\",\"phone\":\"+77010000001\"}";

	@Test
	void readsACreatedEventWithItsOrderingTimeAndDefaults() {
		BookingEvent event = parse("{\"event\":\"booking.created\",\"externalId\":\" B-1 \",\"listingId\":7,"
				+ "\"occurredAt\":\"2026-12-01T10:00:00+05:00\",\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-13\""
				+ GUEST + "}");

		assertThat(event.type()).isEqualTo(BookingEvent.Type.CREATED);
		assertThat(event.externalId()).isEqualTo("B-1");
		assertThat(event.listingId()).isEqualTo(7L);
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
		assertThat(event.checkIn()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(event.guests()).isEqualTo(1);
		assertThat(event.guest().language().code()).isEqualTo("ru");
	}

	@Test
	void aCancellationNeedsOnlyItsExternalId() {
		BookingEvent event = parse("{\"event\":\"booking.cancelled\",\"externalId\":\"B-1\"}");

		assertThat(event.type()).isEqualTo(BookingEvent.Type.CANCELLED);
		assertThat(event.guest()).isNull();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "{\"event\":\"booking.moved\",\"externalId\":\"B-1\"}|event",
			"{\"event\":\"booking.cancelled\",\"externalId\":\"\"}|externalId",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":7,\"checkIn\":\"2026-12-13\",\"checkOut\":\"2026-12-13\""
					+ GUEST + "}|checkOut",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":7,\"checkIn\":\"13.12.2026\",\"checkOut\":\"2026-12-14\""
					+ GUEST + "}|checkIn",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-14\""
					+ GUEST + "}|listingId",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":-7,\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-14\""
					+ GUEST + "}|listingId",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":7,\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-14\",\"guests\":0"
					+ GUEST + "}|guests",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":7,\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-14\",\"guest\":{\"name\":\"Дана\"}}|guest.phone",
			"{\"event\":\"booking.created\",\"externalId\":\"B-1\",\"listingId\":7,\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-14\",\"guest\":{\"name\":\"Дана\",\"phone\":\"+77010000001\",\"email\":\"nobody\"}}|guest.email",
			"{\"event\":\"booking.cancelled\",\"externalId\":\"B-1\",\"occurredAt\":\"yesterday\"}|occurredAt" })
	void anInvalidFieldIsNamedInTheProblem(String json, String field) {
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> parse(json));

		assertThat(problem.status().value()).isEqualTo(400);
		assertThat(problem.fieldErrors()).containsKey(field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "not json", "[1,2]", "\"booking.created\"" })
	void somethingThatIsNotAnEventObjectIsMalformed(String body) {
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> parse(body));

		assertThat(problem.status().value()).isEqualTo(400);
		assertThat(problem.type()).isEqualTo("malformed-event");
	}

	private static BookingEvent parse(String json) {
		return BookingEvent.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}
