package kz.zhilyego.catalog;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versioned catalog cache (ADR 0006): a repeated first page of a search without dates
 * and the dictionaries are served from memory, and any change in the database — as
 * another node would make it, straight in SQL — is seen by the next read, never a stale
 * price, listing or name.
 */
@IntegrationTest
class CatalogCacheIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ListingSearch search;

	@Autowired
	CatalogDictionaries dictionaries;

	@Autowired
	MeterRegistry meters;

	CatalogFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.fixtures = new CatalogFixtures(this.jdbc);
	}

	@AfterEach
	void restoreReferenceData() {
		this.jdbc.sql("update cities set name_ru = 'Астана' where slug = 'astana' and name_ru <> 'Астана'").update();
		TestDatabase.reset(this.jdbc);
		this.jdbc.sql("delete from districts where slug = 'koktal'").update();
		this.jdbc.sql("delete from amenities where code in ('banya', 'sauna')").update();
	}

	@Test
	void aCachedFirstPageNeverOutlivesAChangeOfWhatItShows() {
		long first = this.fixtures.listing().title("Первая").price(20000).create();

		assertThat(prices(browse())).containsExactly(20000L);
		double hits = hits();
		assertThat(prices(browse())).containsExactly(20000L);
		assertThat(hits()).as("the repeat is a cache hit").isGreaterThan(hits);

		this.jdbc.sql("update listings set price_per_night = 23000 where id = :id").param("id", first).update();
		assertThat(prices(browse())).containsExactly(23000L);

		long second = this.fixtures.listing().title("Вторая").price(15000).create();
		assertThat(ids(browse())).containsExactly(second, first);

		this.jdbc.sql("update listings set status = 'INACTIVE' where id = :id").param("id", second).update();
		assertThat(ids(browse())).containsExactly(first);

		this.jdbc.sql("update listings set title = 'Переименована' where id = :id").param("id", first).update();
		assertThat(browse().items().getFirst().title()).isEqualTo("Переименована");
	}

	/**
	 * A search keeps the district ids and amenity bits it last read without reading the
	 * versions; its id scan checks them itself. A district or amenity added, or deleted
	 * and made again under a new id or another's bit, straight in SQL as another node
	 * would, is searched by its new code at once.
	 */
	@Test
	void districtsAndAmenitiesChangedAfterASearchAreSearchedByTheirNewCodes() {
		addAmenity("banya");
		long inEsil = this.fixtures.listing().district("esil").amenities("banya").create();
		assertThat(ids(find(List.of("esil"), List.of("banya")))).containsExactly(inEsil);

		addKoktal();
		long inKoktal = this.fixtures.listing().district("koktal").create();
		assertThat(ids(find(List.of("koktal"), List.of()))).as("a district added").containsExactly(inKoktal);

		// koktal again under a new id: the kept codes name the old one
		moveTo("esil", inKoktal);
		this.jdbc.sql("delete from districts where slug = 'koktal'").update();
		addKoktal();
		moveTo("koktal", inKoktal);
		assertThat(ids(find(List.of("koktal"), List.of()))).as("a district made again").containsExactly(inKoktal);

		// banya deleted and sauna given its bit: the kept codes give banya sauna's bit
		int banyaBit = bit("banya");
		this.jdbc.sql("delete from listing_amenities where amenity_code = 'banya'").update();
		this.jdbc.sql("delete from amenities where code = 'banya'").update();
		addAmenity("sauna");
		assertThat(bit("sauna")).isEqualTo(banyaBit);
		long withSauna = this.fixtures.listing().district("esil").amenities("sauna").create();
		assertThat(ids(find(List.of(), List.of("banya")))).as("an amenity deleted").isEmpty();
		assertThat(ids(find(List.of(), List.of("sauna")))).as("an amenity added").containsExactly(withSauna);
	}

	private void addAmenity(String code) {
		this.jdbc.sql(
				"insert into amenities (code, name_ru, name_kk, name_en, position) values (:code, :code, :code, :code, 99)")
			.param("code", code)
			.update();
	}

	private int bit(String amenity) {
		return this.jdbc.sql("select bit from amenities where code = :code")
			.param("code", amenity)
			.query(Integer.class)
			.single();
	}

	private void moveTo(String district, long listing) {
		this.jdbc
			.sql("update listings set district_id = (select id from districts where slug = :district) where id = :id")
			.param("district", district)
			.param("id", listing)
			.update();
	}

	private void addKoktal() {
		this.jdbc.sql("""
				insert into districts (city_id, slug, name_ru, name_kk, name_en, valid_from)
				select id, 'koktal', 'Коктал', 'Көктал', 'Koktal', date '2026-01-01' from cities where slug = 'astana'
				""").update();
	}

	private PageResult<ListingSummary> find(List<String> districts, List<String> amenities) {
		return this.search.search(new ListingSearchCriteria("astana", districts, null, null, null, null, null, null,
				null, null, amenities, null, SearchSort.PRICE_ASC, 0, 20), Language.RU);
	}

	@Test
	void cachedDictionariesSeeARenameAtOnce() {
		assertThat(cityName()).isEqualTo("Астана");
		double hits = hits();
		assertThat(cityName()).isEqualTo("Астана");
		assertThat(hits()).isGreaterThan(hits);

		this.jdbc.sql("update cities set name_ru = 'Астана (новое)' where slug = 'astana'").update();
		assertThat(cityName()).isEqualTo("Астана (новое)");
	}

	private String cityName() {
		return this.dictionaries.all(Language.RU)
			.cities()
			.stream()
			.filter(c -> c.code().equals("astana"))
			.findFirst()
			.orElseThrow()
			.name();
	}

	private PageResult<ListingSummary> browse() {
		return this.search.search(new ListingSearchCriteria("astana", List.of(), null, null, null, null, null, null,
				null, null, List.of(), null, SearchSort.PRICE_ASC, 0, 20), Language.RU);
	}

	private static List<Long> prices(PageResult<ListingSummary> page) {
		return page.items().stream().map(s -> s.pricePerNight().longValue()).toList();
	}

	private static List<Long> ids(PageResult<ListingSummary> page) {
		return page.items().stream().map(ListingSummary::id).toList();
	}

	private double hits() {
		return this.meters.get("cache.gets").tag("cache", "catalog").tag("result", "hit").functionCounter().count();
	}

}
