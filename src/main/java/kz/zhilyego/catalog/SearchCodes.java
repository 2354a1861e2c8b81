package kz.zhilyego.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a search names as constants instead of sub-selects: every district's ids by slug
 * (a slug may exist in several cities; the city filter narrows them) and every amenity's
 * bit (V103). With constants the planner estimates a district filter from the listings'
 * statistics (with ids from a sub-select it took any list of them for most of the city
 * and walked a whole city to count one district's matches).
 * <p>
 * {@code dictionaries} is the version of the reference data ({@code cache_versions}) read
 * before them: a search that uses them checks it in its own id scan
 * ({@link ListingSearch}), so they are kept without a read of the versions per search.
 */
record SearchCodes(Map<String, List<Integer>> districts, Map<String, Integer> amenityBits, long dictionaries) {

	static final SearchCodes NONE = new SearchCodes(Map.of(), Map.of(), 0);

	/** The current version of the reference data, as {@link CatalogCache} reads it. */
	static final String DICTIONARIES_VERSION = """
			coalesce((select v.version from cache_versions v where v.name = 'dictionaries'), 0)""";

	SearchCodes {
		districts = Map.copyOf(districts);
		amenityBits = Map.copyOf(amenityBits);
	}

	/**
	 * Every district's ids and amenity's bit, labelled with the version of the reference
	 * data read first (statements on one connection: the codes can only be newer than
	 * their label, never older).
	 */
	static SearchCodes read(JdbcClient jdbc) {
		long dictionaries = jdbc.sql("select " + DICTIONARIES_VERSION).query(Long.class).single();
		Map<String, List<Integer>> districts = new HashMap<>();
		jdbc.sql("select slug, id from districts order by id")
			.query((rs, n) -> districts.computeIfAbsent(rs.getString("slug"), k -> new ArrayList<>())
				.add(rs.getInt("id")))
			.list();
		Map<String, Integer> bits = new HashMap<>();
		jdbc.sql("select code, bit from amenities")
			.query((rs, n) -> bits.put(rs.getString("code"), rs.getInt("bit")))
			.list();
		return new SearchCodes(districts, bits, dictionaries);
	}

	/** The ids of the districts with these slugs, ascending; none for unknown slugs. */
	List<Integer> districtIds(List<String> slugs) {
		return slugs.stream()
			.flatMap(slug -> this.districts.getOrDefault(slug, List.of()).stream())
			.distinct()
			.sorted()
			.toList();
	}

	/** The bits of these amenities together, or null if one of them does not exist. */
	@Nullable Long amenityMask(List<String> codes) {
		long mask = 0;
		for (String code : codes) {
			Integer bit = this.amenityBits.get(code);
			if (bit == null) {
				return null;
			}
			mask |= 1L << bit;
		}
		return mask;
	}

}
