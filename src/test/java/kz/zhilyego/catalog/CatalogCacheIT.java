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
	void restoreCityName() {
		this.jdbc.sql("update cities set name_ru = 'Астана' where slug = 'astana' and name_ru <> 'Астана'").update();
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
