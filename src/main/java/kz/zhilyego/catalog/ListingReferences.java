package kz.zhilyego.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference data a listing form is checked against, read from the catalog's
 * dictionaries as they are now (never cached, so a form is checked against what saving
 * writes): an active city by slug, a district of a city valid on a day, and whether a
 * housing class, housing type or amenity code exists. The ids it returns go into
 * {@link ListingFields}.
 */
@Service
public class ListingReferences {

	private final JdbcClient jdbc;

	ListingReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the active city with this slug. */
	@Transactional(readOnly = true)
	public Optional<Integer> activeCity(String slug) {
		return this.jdbc.sql("select id from cities where slug = :slug and active")
			.param("slug", slug)
			.query(Integer.class)
			.optional();
	}

	/** The id of the city's district with this slug, valid on {@code day}. */
	@Transactional(readOnly = true)
	public Optional<Integer> district(int cityId, String slug, LocalDate day) {
		return this.jdbc.sql("""
				select id from districts where city_id = :city and slug = :slug
				  and valid_from <= :today and (valid_to is null or valid_to > :today)
				""").param("city", cityId).param("slug", slug).param("today", day).query(Integer.class).optional();
	}

	/** Whether a housing class with this code exists (active or not). */
	@Transactional(readOnly = true)
	public boolean housingClassExists(String code) {
		return this.jdbc.sql("select count(*) from housing_classes where code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a housing type with this code exists (active or not). */
	@Transactional(readOnly = true)
	public boolean housingTypeExists(String code) {
		return this.jdbc.sql("select count(*) from housing_types where code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	/** How many of the (distinct) codes are amenities (active or not). */
	@Transactional(readOnly = true)
	public long knownAmenities(Collection<String> codes) {
		if (codes.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from amenities where code in (:codes)")
			.param("codes", List.copyOf(codes))
			.query(Long.class)
			.single();
	}

}
