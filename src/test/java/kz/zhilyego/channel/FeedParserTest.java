package kz.zhilyego.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.common.Zones;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

	@Test
	void readsAirbnbAllDayEventsWithTheExclusiveEndAndKeepsNothingPersonal() throws Exception {
		List<FeedParser.Event> events = FeedParser.parse(resource("airbnb.ics"), Zones.KAZAKHSTAN);

		assertThat(events).extracting(FeedParser.Event::checkIn, FeedParser.Event::checkOut, FeedParser.Event::kind)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 13),
							FeedParser.Kind.RESERVED),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 20),
							FeedParser.Kind.NOT_AVAILABLE));
		assertThat(events).allSatisfy(e -> assertThat(e.uid()).endsWith("@airbnb.com"));
		assertThat(events.toString()).doesNotContain("4567").doesNotContain("HMABCDEF12");
	}

	@Test
	void readsBookingComTimeZonesAndUtcAsAstanaDatesAndSkipsCancelledEvents() throws Exception {
		List<FeedParser.Event> events = FeedParser.parse(resource("booking.ics"), Zones.KAZAKHSTAN);

		assertThat(events).hasSize(4);
		assertThat(events.get(0))
			.extracting(FeedParser.Event::checkIn, FeedParser.Event::checkOut, FeedParser.Event::kind)
			.containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 5), FeedParser.Kind.NOT_AVAILABLE);
		// 14:00 Moscow on Dec 26 is 16:00 in Astana; 11:00 Moscow on Dec 29 is 13:00
		assertThat(events.get(1))
			.extracting(FeedParser.Event::checkIn, FeedParser.Event::checkOut, FeedParser.Event::kind)
			.containsExactly(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 29), FeedParser.Kind.RESERVED);
		// 20:00 UTC on Jan 4 is already Jan 5 in Astana (UTC+5)
		assertThat(events.get(2)).extracting(FeedParser.Event::checkIn, FeedParser.Event::checkOut)
			.containsExactly(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 6));
		assertThat(events.get(3).cancelled()).isTrue();
		assertThat(events.subList(0, 3)).noneMatch(FeedParser.Event::cancelled);
	}

	@Test
	void anEventWithoutAnEndBlocksOneNightAndOneWithoutAUidGetsAStableOne() throws Exception {
		String feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
				+ "DTSTART;VALUE=DATE:20261215\r\nSUMMARY:Blocked\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

		List<FeedParser.Event> first = FeedParser.parse(feed.getBytes(StandardCharsets.UTF_8), Zones.KAZAKHSTAN);
		List<FeedParser.Event> again = FeedParser.parse(feed.getBytes(StandardCharsets.UTF_8), Zones.KAZAKHSTAN);

		assertThat(first).singleElement()
			.extracting(FeedParser.Event::checkIn, FeedParser.Event::checkOut)
			.containsExactly(LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 16));
		assertThat(first.get(0).uid()).isEqualTo(again.get(0).uid());
	}

	@Test
	void somethingThatIsNotICalendarIsRefused() {
		assertThatThrownBy(
				() -> FeedParser.parse("<html>Not found</html>".getBytes(StandardCharsets.UTF_8), Zones.KAZAKHSTAN))
			.isInstanceOf(FeedParser.UnreadableFeedException.class);
	}

	static byte[] resource(String name) throws IOException {
		try (InputStream in = FeedParserTest.class.getResourceAsStream("/ical/" + name)) {
			return in.readAllBytes();
		}
	}

}
