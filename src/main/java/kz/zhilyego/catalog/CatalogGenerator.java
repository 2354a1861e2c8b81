package kz.zhilyego.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Generates believable Astana listings (districts, classes, types, prices in KZT,
 * amenities, photos) with a seeded {@link Random}: the same seed gives the same data.
 * Used for the demo data set and by benchmarks for 100,000+ listings; rows go in with
 * COPY in chunks.
 */
@Component
public class CatalogGenerator {

	private static final int CHUNK = 5_000;

	private static final Instant FIRST_CREATED = Instant.parse("2025-11-01T00:00:00Z");

	private static final int MINUTES_PER_YEAR = 365 * 24 * 60;

	private static final String[] DISTRICTS = { "almaty", "baikonur", "esil", "saryarka", "nura", "saraishyk" };

	private static final String[][] STREETS = {
			{ "пр. Республики", "ул. Жубанова", "ул. Бейсековой", "пр. Абылай хана", "ул. Шокана Валиханова" },
			{ "ул. Бейбитшилик", "ул. Иманова", "пр. Богенбай батыра", "ул. Сейфуллина", "ул. Ауэзова" },
			{ "пр. Мангилик Ел", "ул. Сыганак", "пр. Кабанбай батыра", "ул. Достык", "ул. Керей и Жанибек хандар" },
			{ "пр. Сарыарка", "ул. Кенесары", "ул. Победы", "пр. Женис", "ул. Иманбаевой" },
			{ "пр. Туран", "ул. Хусейн бен Талал", "ул. Акмешит", "ул. Улы Дала", "ул. Е 10" },
			{ "ул. Сарайшык", "ул. Тауелсиздик", "ул. Аскарова", "ул. Кордай", "ул. Жумабаева" } };

	private static final double[][] DISTRICT_CENTRES = { { 51.156, 71.470 }, { 51.170, 71.420 }, { 51.118, 71.430 },
			{ 51.185, 71.405 }, { 51.100, 71.390 }, { 51.130, 71.500 } };

	private static final String[] CLASSES = { "comfort", "business", "premium" };

	private static final String[] AMENITIES = { "wifi", "parking", "kitchen", "washing_machine", "air_conditioning",
			"tv", "elevator", "balcony", "workspace", "pets_allowed", "kids_friendly", "self_check_in", "iron",
			"hair_dryer", "dishwasher", "sauna" };

	private static final String[] ADJECTIVES = { "Уютная", "Светлая", "Просторная", "Современная", "Тихая", "Стильная",
			"Новая", "Тёплая" };

	private static final String[] LANDMARKS = { "у Байтерека", "у Хан Шатыра", "рядом с EXPO", "у набережной Есиля",
			"в центре", "у Mega Silk Way", "у Астана Арены", "рядом с парком", "у ТРЦ Керуен", "у вокзала" };

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	CatalogGenerator(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * How many listings there are, of any status: whether a data set is there already.
	 */
	public long countListings() {
		return this.jdbc.sql("select count(*) from listings").query(Long.class).single();
	}

	/** How many listings the owner has, of any status. */
	public long countListingsOf(long ownerId) {
		return this.jdbc.sql("select count(*) from listings where owner_id = :owner")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts {@code count} active Astana listings owned by the given realtors, each with
	 * 1–6 photos chosen from {@code photoKeys}. Returns the new listing ids.
	 */
	public List<Long> generate(int count, List<Long> ownerIds, List<String> photoKeys, long seed) {
		if (ownerIds.isEmpty()) {
			throw new IllegalArgumentException("At least one owner is needed");
		}
		Random random = new Random(seed);
		int cityId = this.jdbc.sql("select id from cities where slug = 'astana'").query(Integer.class).single();
		List<Integer> districtIds = new ArrayList<>();
		for (String slug : DISTRICTS) {
			districtIds.add(this.jdbc.sql("select id from districts where city_id = :city and slug = :slug")
				.param("city", cityId)
				.param("slug", slug)
				.query(Integer.class)
				.single());
		}
		List<Long> ids = new ArrayList<>(count);
		for (int start = 0; start < count; start += CHUNK) {
			int n = Math.min(CHUNK, count - start);
			List<Long> chunkIds = this.jdbc
				.sql("select nextval(pg_get_serial_sequence('listings', 'id')) from generate_series(1, :n)")
				.param("n", n)
				.query(Long.class)
				.list();
			StringBuilder listings = new StringBuilder();
			StringBuilder amenities = new StringBuilder();
			StringBuilder photos = new StringBuilder();
			for (long id : chunkIds) {
				appendListing(listings, amenities, photos, id, cityId, districtIds, ownerIds, photoKeys, random);
			}
			copy("copy listings (id, owner_id, city_id, district_id, class_code, type_code, title, rooms, street,"
					+ " house, block, entrance, floor, floors_total, area_m2, sleeping_places, description,"
					+ " house_rules, price_per_night, weekend_uplift_percent, long_stay_min_nights,"
					+ " long_stay_discount_percent, check_in_time, check_out_time, realtor_phone, latitude,"
					+ " longitude, rating, review_count, created_at) from stdin with (format csv)", listings);
			copy("copy listing_amenities (listing_id, amenity_code) from stdin with (format csv)", amenities);
			copy("copy listing_photos (listing_id, position, main, storage_key, content_type) from stdin"
					+ " with (format csv)", photos);
			ids.addAll(chunkIds);
		}
		return ids;
	}

	private static void appendListing(StringBuilder listings, StringBuilder amenities, StringBuilder photos, long id,
			int cityId, List<Integer> districtIds, List<Long> ownerIds, List<String> photoKeys, Random random) {
		int district = random.nextInt(DISTRICTS.length);
		String type = pickType(random);
		String housingClass = CLASSES[weighted(random, 5, 3, 2)];
		int rooms = switch (type) {
			case "room", "hostel" -> 1;
			case "house", "cottage" -> 3 + random.nextInt(4);
			default -> 1 + weighted(random, 4, 4, 2, 1);
		};
		int sleeping = switch (type) {
			case "hostel" -> 1 + random.nextInt(2);
			case "room" -> 1 + random.nextInt(2);
			default -> rooms * 2 + random.nextInt(2);
		};
		int floorsTotal = type.equals("apartment") || type.equals("room") || type.equals("hostel")
				? 5 + random.nextInt(20) : 1 + random.nextInt(2);
		int floor = 1 + random.nextInt(floorsTotal);
		BigDecimal area = BigDecimal.valueOf(switch (type) {
			case "room" -> 12 + random.nextInt(10);
			case "hostel" -> 8 + random.nextInt(6);
			case "house", "cottage" -> 90 + random.nextInt(200);
			default -> 28 + rooms * 22 + random.nextInt(20);
		});
		BigDecimal price = price(type, housingClass, rooms, random);
		String title = title(type, rooms, random);
		String street = STREETS[district][random.nextInt(STREETS[district].length)];
		double lat = DISTRICT_CENTRES[district][0] + (random.nextDouble() - 0.5) * 0.03;
		double lon = DISTRICT_CENTRES[district][1] + (random.nextDouble() - 0.5) * 0.05;
		boolean reviewed = random.nextInt(10) > 1;
		BigDecimal rating = reviewed ? BigDecimal.valueOf(35 + random.nextInt(16)).divide(BigDecimal.TEN)
				: BigDecimal.ZERO;
		int reviews = reviewed ? 1 + random.nextInt(80) : 0;
		boolean longStay = random.nextInt(3) == 0;
		csv(listings, id, ownerIds.get(random.nextInt(ownerIds.size())), cityId, districtIds.get(district),
				housingClass, type, title, rooms, street, String.valueOf(1 + random.nextInt(120)),
				random.nextInt(3) == 0 ? "блок " + (char) ('A' + random.nextInt(3)) : null,
				String.valueOf(1 + random.nextInt(6)), floor, floorsTotal, area, sleeping,
				"Чистая и уютная " + title.toLowerCase() + ". Рядом магазины, кафе и остановки. "
						+ "Свежее бельё и полотенца, всё необходимое для комфортного проживания.",
				"Не курить. Без вечеринок. Тишина с 23:00 до 07:00.", price,
				random.nextInt(2) == 0 ? BigDecimal.valueOf(10 + random.nextInt(3) * 5) : BigDecimal.ZERO,
				longStay ? 7 : null, longStay ? BigDecimal.valueOf(5 + random.nextInt(3) * 5) : BigDecimal.ZERO,
				"14:00", "12:00", "+7701" + (1_000_000 + random.nextInt(9_000_000)),
				BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_UP),
				BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_UP), rating, reviews,
				FIRST_CREATED.plus(Duration.ofMinutes(random.nextInt(MINUTES_PER_YEAR))));
		for (String amenity : AMENITIES) {
			if (amenity.equals("wifi") || random.nextInt(100) < 45) {
				csv(amenities, id, amenity);
			}
		}
		if (!photoKeys.isEmpty()) {
			int count = 1 + random.nextInt(Math.min(6, photoKeys.size()));
			int first = random.nextInt(photoKeys.size());
			for (int position = 0; position < count; position++) {
				String key = photoKeys.get((first + position) % photoKeys.size());
				csv(photos, id, position, position == 0, key, "image/jpeg");
			}
		}
	}

	private static String pickType(Random random) {
		return switch (weighted(random, 70, 8, 6, 10, 6)) {
			case 0 -> "apartment";
			case 1 -> "house";
			case 2 -> "cottage";
			case 3 -> "room";
			default -> "hostel";
		};
	}

	private static BigDecimal price(String type, String housingClass, int rooms, Random random) {
		int base = switch (type) {
			case "hostel" -> 4_000;
			case "room" -> 7_000;
			case "house" -> 35_000;
			case "cottage" -> 55_000;
			default -> 12_000 + rooms * 4_000;
		};
		double factor = switch (housingClass) {
			case "business" -> 1.6;
			case "premium" -> 2.6;
			default -> 1.0;
		};
		long price = Math.round(base * factor * (0.85 + random.nextDouble() * 0.3) / 500) * 500;
		return BigDecimal.valueOf(price);
	}

	private static String title(String type, int rooms, Random random) {
		String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
		String landmark = LANDMARKS[random.nextInt(LANDMARKS.length)];
		return switch (type) {
			case "house" -> adjective.replaceAll("ая$", "ый") + " дом " + landmark;
			case "cottage" -> adjective.replaceAll("ая$", "ый") + " коттедж " + landmark;
			case "room" -> adjective + " комната " + landmark;
			case "hostel" -> "Хостел " + landmark + ", место в номере";
			default -> adjective + " " + rooms + "-комнатная квартира " + landmark;
		};
	}

	private static int weighted(Random random, int... weights) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int pick = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			pick -= weights[i];
			if (pick < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static void csv(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values[i];
			if (value == null) {
				continue;
			}
			String text = value.toString();
			out.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		out.append('\n');
	}

	private void copy(String sql, StringBuilder rows) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn(sql, new StringReader(rows.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load generated listings", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
