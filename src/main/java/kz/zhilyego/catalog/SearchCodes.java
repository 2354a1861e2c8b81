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
 */
record SearchCodes(Map<String, List<Integer>> districts, Map<String, Integer> amenityBits) {

	static final SearchCodes NONE = new SearchCodes(Map.of(), Map.of());

	SearchCodes {
		districts = Map.copyOf(districts);
		amenityBits = Map.copyOf(amenityBits);
	}

	static SearchCodes read(JdbcClient jdbc) {
		Map<String, List<Integer>> districts = new HashMap<>();
		jdbc.sql("select slug, id from districts order by id")
			.query((rs, n) -> districts.computeIfAbsent(rs.getString("slug"), k -> new ArrayList<>())
				.add(rs.getInt("id")))
			.list();
		Map<String, Integer> bits = new HashMap<>();
		jdbc.sql("select code, bit from amenities")
			.query((rs, n) -> bits.put(rs.getString("code"), rs.getInt("bit")))
			.list();
		return new SearchCodes(districts, bits);
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
