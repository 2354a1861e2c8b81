package kz.zhilyego.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.catalog.ListingCard.Named;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference data a search form offers, names in the request language: active cities,
 * their districts valid today, active housing classes and types, active amenities — each
 * in its display order. Cached per node, labelled with the version of the reference data
 * (moved by the tables' triggers), so a change of the superuser's
 * ({@link DictionaryEditor}) shows on the next request on every node.
 */
@Service
public class CatalogDictionaries {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CatalogCache cache;

	CatalogDictionaries(JdbcClient jdbc, Clock clock, CatalogCache cache) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = cache;
	}

	/** Everything a search form needs. */
	public record Dictionaries(List<Named> cities, List<District> districts, List<Named> classes, List<Named> types,
			List<Named> amenities) {

		public Dictionaries {
			cities = List.copyOf(cities);
			districts = List.copyOf(districts);
			classes = List.copyOf(classes);
			types = List.copyOf(types);
			amenities = List.copyOf(amenities);
		}

	}

	/** A district with the slug of its city. */
	public record District(String city, String code, String name) {
	}

	/**
	 * Cached per language and day; any change of the reference data on any node is seen
	 * by the next call ({@link CatalogCache}).
	 */
	@Transactional(readOnly = true)
	public Dictionaries all(Language language) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		CatalogCache.Versions versions = this.cache.versions();
		return this.cache.get(new Key(language, today), new CatalogCache.Versions(versions.dictionaries(), 0),
				() -> read(language, today));
	}

	private record Key(Language language, LocalDate today) {
	}

	private Dictionaries read(Language language, LocalDate today) {
		String lang = language.code();
		List<Named> cities = this.jdbc
			.sql("select slug as code, %s as name from cities c where active order by position, id"
				.formatted(Sql.localName("c")))
			.param("lang", lang)
			.query((rs, n) -> new Named(rs.getString("code"), rs.getString("name")))
			.list();
		List<District> districts = this.jdbc.sql("""
				select c.slug as city, d.slug as code, %s as name
				from districts d join cities c on c.id = d.city_id
				where c.active and d.valid_from <= :today and (d.valid_to is null or d.valid_to > :today)
				order by c.position, d.position, d.id
				""".formatted(Sql.localName("d")))
			.param("lang", lang)
			.param("today", today)
			.query((rs, n) -> new District(rs.getString("city"), rs.getString("code"), rs.getString("name")))
			.list();
		return new Dictionaries(cities, districts, named("housing_classes", lang), named("housing_types", lang),
				named("amenities", lang));
	}

	private List<Named> named(String table, String lang) {
		// table is one of three fixed names above, never input
		return this.jdbc
			.sql("select code, %s as name from %s x where x.active order by position, code"
				.formatted(Sql.localName("x"), table))
			.param("lang", lang)
			.query((rs, n) -> new Named(rs.getString("code"), rs.getString("name")))
			.list();
	}

}
