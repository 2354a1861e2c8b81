package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.PageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging stays total when the sort columns tie (hardening finding 15): forty bookings
 * with the same check-in, created at the same instant of the test clock, paged seven at a
 * time, come back exactly once each. Without the id as the last sort key PostgreSQL's
 * bounded sort may put a tied row on two pages and skip another.
 */
@IntegrationTest
class BookingPagesIT {

	private static final int BOOKINGS = 40;

	private static final int PAGE = 7;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingQueries queries;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void tiedBookingsArePagedExactlyOnceEach() {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		Set<UUID> created = new LinkedHashSet<>();
		for (int i = 0; i < BOOKINGS; i++) {
			created.add(catalog.occupyByBooking(catalog.listing().create(), LocalDate.of(2026, 12, 10),
					LocalDate.of(2026, 12, 12)));
		}
		List<UUID> paged = new ArrayList<>();
		for (int page = 0; page * PAGE < BOOKINGS; page++) {
			PageResult<BookingDetails> result = this.queries.ofListingsInScope(BookingFixtures.platform(1),
					new StaffBookingFilter(Set.of(), null, null, null, page, PAGE));
			assertThat(result.total()).isEqualTo(BOOKINGS);
			result.items().forEach(booking -> paged.add(booking.id()));
		}

		assertThat(paged).hasSize(BOOKINGS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
	}

}
