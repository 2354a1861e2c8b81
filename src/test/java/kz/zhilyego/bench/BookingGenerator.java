package kz.zhilyego.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark data the catalog generator does not make: realtors and guests (plain SQL) and
 * confirmed bookings over the next twelve months, loaded with COPY into {@code bookings},
 * {@code occupancies} and {@code booking_transitions}. Each listing's year is cut into
 * equal slots and every booking lies inside its own slot, so stays never overlap (the
 * exclusion constraint checks that on load). Seeded: the same seed gives the same data.
 */
final class BookingGenerator {

	private static final int CHUNK = 20_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	BookingGenerator(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Inserts {@code count} users with the role, phones from {@code phonePrefix}. */
	List<Long> users(int count, String role, String phonePrefix, String namePrefix) {
		List<Long> ids = this.jdbc.sql("""
				insert into users (phone, email, name, password_hash)
				select :prefix || lpad(g::text, 7, '0'), lower(:name) || g || '@bench.zhilyego.kz', :name || ' ' || g,
				       '{noop}not-a-login'
				from generate_series(1, :count) g
				on conflict (phone) do nothing
				returning id
				""")
			.param("prefix", phonePrefix)
			.param("name", namePrefix)
			.param("count", count)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			ids = this.jdbc.sql("select id from users where phone like :prefix || '%' order by id")
				.param("prefix", phonePrefix)
				.query(Long.class)
				.list();
		}
		for (String r : role.equals("USER") ? List.of("USER") : List.of("USER", role)) {
			this.jdbc.sql("""
					insert into user_roles (user_id, role)
					select id, :role from users where phone like :prefix || '%'
					on conflict do nothing
					""").param("role", r).param("prefix", phonePrefix).update();
		}
		return ids;
	}

	record Listing(long id, long ownerId, BigDecimal price) {
	}

	/**
	 * Loads {@code count} confirmed bookings spread evenly over the listings, check-ins
	 * from {@code today} to {@code today + 365}. Returns how many were loaded.
	 */
	long bookings(long count, LocalDate today, List<Long> guests, long seed) throws SQLException, IOException {
		List<Listing> listings = this.jdbc
			.sql("select id, owner_id, price_per_night from listings where status = 'ACTIVE' order by id")
			.query((rs, n) -> new Listing(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		if (listings.isEmpty() || count <= 0) {
			return 0;
		}
		Random random = new Random(seed);
		long perListing = count / listings.size();
		long remainder = count % listings.size();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long loaded = 0;
		StringBuilder bookings = new StringBuilder();
		StringBuilder occupancies = new StringBuilder();
		StringBuilder transitions = new StringBuilder();
		int inChunk = 0;
		// the occupied-nights bitmap (ADR 0006) is built once after the load instead of
		// one row trigger per occupancy; the trigger is on again before anything else
		// runs
		this.jdbc.sql("alter table occupancies disable trigger occupancies_track_nights").update();
		try (Connection connection = this.dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int i = 0; i < listings.size(); i++) {
				Listing listing = listings.get(i);
				long stays = perListing + (i < remainder ? 1 : 0);
				if (stays == 0) {
					continue;
				}
				int slot = (int) Math.max(2, 365 / stays);
				for (int s = 0; s < stays; s++) {
					int maxNights = Math.max(1, Math.min(7, slot - 1));
					int nights = 1 + random.nextInt(maxNights);
					int start = s * slot + random.nextInt(Math.max(1, slot - nights));
					LocalDate checkIn = today.plusDays(start);
					LocalDate checkOut = checkIn.plusDays(nights);
					UUID id = new UUID(random.nextLong(), random.nextLong());
					BigDecimal total = listing.price().multiply(BigDecimal.valueOf(nights));
					long guest = guests.get(random.nextInt(guests.size()));
					Instant created = now.minusSeconds(random.nextInt(30 * 24 * 3600));
					bookings.append(id)
						.append(',')
						.append(listing.id())
						.append(',')
						.append(listing.ownerId())
						.append(',')
						.append(guest)
						.append(",CONFIRMED,")
						.append(checkIn)
						.append(',')
						.append(checkOut)
						.append(',')
						.append(1 + random.nextInt(2))
						.append(",Гость ")
						.append(guest)
						.append(",+7702")
						.append(String.format("%07d", guest % 10_000_000))
						.append(',')
						.append(created)
						.append(",[],")
						.append(total)
						.append(",0,")
						.append(total)
						.append(",KZT,10,")
						.append(total.movePointLeft(1))
						.append(",2.5,")
						.append(total.multiply(new BigDecimal("0.025")))
						.append(',')
						.append(created.plusSeconds(900))
						.append(',')
						.append(created)
						.append(',')
						.append(created.plusSeconds(120))
						.append('\n');
					occupancies.append(listing.id())
						.append(",\"[")
						.append(checkIn)
						.append(',')
						.append(checkOut)
						.append(")\",BOOKING,")
						.append(id)
						.append('\n');
					transitions.append(id)
						.append(',')
						.append(created.plusSeconds(120))
						.append(",PAYMENT,HOLD,CONFIRMED\n");
					loaded++;
					if (++inChunk == CHUNK) {
						flush(copy, bookings, occupancies, transitions);
						inChunk = 0;
					}
				}
			}
			flush(copy, bookings, occupancies, transitions);
		}
		finally {
			this.jdbc.sql("alter table occupancies enable trigger occupancies_track_nights").update();
		}
		this.jdbc.sql("select rebuild_occupied_nights()").query(Long.class).single();
		return loaded;
	}

	private static void flush(CopyManager copy, StringBuilder bookings, StringBuilder occupancies,
			StringBuilder transitions) throws SQLException, IOException {
		if (bookings.isEmpty()) {
			return;
		}
		copy.copyIn("""
				copy bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests, guest_name,
				    guest_phone, rules_accepted_at, nightly, subtotal, discounts, total, currency, commission_percent,
				    platform_commission, gateway_fee_percent, gateway_fee, hold_expires_at, created_at, confirmed_at)
				from stdin with (format csv)""", new StringReader(bookings.toString()));
		copy.copyIn("copy occupancies (listing_id, period, kind, booking_id) from stdin with (format csv)",
				new StringReader(occupancies.toString()));
		copy.copyIn("copy booking_transitions (booking_id, at, actor_type, from_status, to_status)"
				+ " from stdin with (format csv)", new StringReader(transitions.toString()));
		bookings.setLength(0);
		occupancies.setLength(0);
		transitions.setLength(0);
	}

	static List<Long> range(List<Long> ids, int from, int to) {
		return new ArrayList<>(ids.subList(Math.min(from, ids.size()), Math.min(to, ids.size())));
	}

}
