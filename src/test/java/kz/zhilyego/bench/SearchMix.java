package kz.zhilyego.bench;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import kz.zhilyego.catalog.ListingSearchCriteria;
import kz.zhilyego.catalog.SearchSort;
import kz.zhilyego.catalog.Stay;
import org.jspecify.annotations.Nullable;

/**
 * A seeded, realistic mix of guest searches: always Astana, usually with dates (1–7
 * nights within the next ~10 months), sometimes a district, class, type, rooms, guests,
 * price bound, amenities, rating, another sort or a later page. Each query exists both as
 * a query string for the API and as the criteria the service builds from it.
 */
final class SearchMix {

	private static final String[] DISTRICTS = { "almaty", "baikonur", "esil", "saryarka", "nura", "saraishyk" };

	private static final String[] CLASSES = { "comfort", "business", "premium" };

	private static final String[] TYPES = { "apartment", "apartment", "apartment", "house", "room", "hostel" };

	private static final String[] AMENITIES = { "parking", "kitchen", "washing_machine", "air_conditioning", "balcony",
			"workspace" };

	private static final String[] SORTS = { "price_asc", "price_asc", "price_asc", "price_asc", "price_desc", "rating",
			"newest" };

	record Query(@Nullable String district, @Nullable String housingClass, @Nullable String type,
			@Nullable Integer rooms, @Nullable Integer minRooms, @Nullable LocalDate checkIn,
			@Nullable LocalDate checkOut, @Nullable Integer guests, @Nullable BigDecimal minPrice,
			@Nullable BigDecimal maxPrice, List<String> amenities, @Nullable BigDecimal minRating, String sort,
			int page) {

		String queryString() {
			StringJoiner q = new StringJoiner("&");
			q.add("city=astana");
			add(q, "district", this.district);
			add(q, "class", this.housingClass);
			add(q, "type", this.type);
			add(q, "rooms", this.rooms);
			add(q, "minRooms", this.minRooms);
			add(q, "checkIn", this.checkIn);
			add(q, "checkOut", this.checkOut);
			add(q, "guests", this.guests);
			add(q, "minPrice", this.minPrice);
			add(q, "maxPrice", this.maxPrice);
			this.amenities.forEach(a -> add(q, "amenities", a));
			add(q, "minRating", this.minRating);
			add(q, "sort", this.sort);
			add(q, "page", this.page);
			return q.toString();
		}

		ListingSearchCriteria criteria() {
			Stay stay = this.checkIn == null ? null : new Stay(this.checkIn, this.checkOut);
			return new ListingSearchCriteria("astana", this.district == null ? List.of() : List.of(this.district),
					this.housingClass, this.type, this.rooms, this.minRooms, stay, this.guests, this.minPrice,
					this.maxPrice, this.amenities, this.minRating, SearchSort.parse(this.sort).orElseThrow(), this.page,
					20);
		}

		private static void add(StringJoiner q, String name, @Nullable Object value) {
			if (value != null) {
				q.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		}

	}

	static List<Query> generate(int count, LocalDate today, long seed) {
		Random r = new Random(seed);
		List<Query> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDate checkIn = null;
			LocalDate checkOut = null;
			if (r.nextInt(10) < 9) {
				checkIn = today.plusDays(1 + r.nextInt(300));
				checkOut = checkIn.plusDays(1 + r.nextInt(7));
			}
			int roomsPick = r.nextInt(100);
			List<String> amenities = new ArrayList<>();
			if (r.nextInt(4) == 0) {
				amenities.add(AMENITIES[r.nextInt(AMENITIES.length)]);
				if (r.nextBoolean()) {
					String second = AMENITIES[r.nextInt(AMENITIES.length)];
					if (!amenities.contains(second)) {
						amenities.add(second);
					}
				}
			}
			BigDecimal maxPrice = r.nextInt(10) < 3 ? BigDecimal.valueOf(15_000 + r.nextInt(10) * 5_000) : null;
			BigDecimal minPrice = r.nextInt(10) == 0 ? BigDecimal.valueOf(10_000) : null;
			queries.add(new Query(r.nextInt(10) < 4 ? DISTRICTS[r.nextInt(DISTRICTS.length)] : null,
					r.nextInt(4) == 0 ? CLASSES[r.nextInt(CLASSES.length)] : null,
					r.nextInt(5) == 0 ? TYPES[r.nextInt(TYPES.length)] : null, roomsPick < 15 ? 1 + r.nextInt(3) : null,
					roomsPick >= 15 && roomsPick < 25 ? 2 : null, checkIn, checkOut,
					r.nextInt(10) < 3 ? 1 + r.nextInt(4) : null, minPrice, maxPrice, amenities,
					r.nextInt(100) < 15 ? new BigDecimal(r.nextBoolean() ? "4.0" : "4.5") : null,
					SORTS[r.nextInt(SORTS.length)], r.nextInt(100) < 15 ? 1 + r.nextInt(3) : 0));
		}
		return queries;
	}

}
