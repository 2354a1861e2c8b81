package kz.zhilyego.catalog;

import java.util.Map;

import kz.zhilyego.common.Language;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exact statements {@link ListingSearch} runs for some criteria, for benchmarks that
 * compare the HTTP stack with the same SQL through plain JDBC.
 */
public final class SearchSql {

	private SearchSql() {
	}

	/** Capped count, page query and their named parameters. */
	public record Statements(String count, String page, Map<String, Object> params) {
	}

	/**
	 * The district ids and amenity bits searches name, read once as the service reads
	 * them once per version of the reference data.
	 */
	public static final class Codes {

		private final SearchCodes codes;

		private Codes(SearchCodes codes) {
			this.codes = codes;
		}

	}

	public static Codes codes(JdbcClient jdbc) {
		return new Codes(SearchCodes.read(jdbc));
	}

	public static Statements of(ListingSearchCriteria criteria, Codes codes, Language language, int countCap) {
		ListingSearch.Statements sql = ListingSearch.statements(criteria, codes.codes, language, countCap);
		return new Statements(sql.count(), sql.page(), sql.params());
	}

	/**
	 * Whether the service runs the count after a page query that returned
	 * {@code fetchedRows} rows (it asks for one more than the page size).
	 */
	public static boolean needsCount(ListingSearchCriteria criteria, int fetchedRows) {
		boolean[] counted = { false };
		ListingSearch.total(criteria, Math.min(fetchedRows, criteria.size()), fetchedRows > criteria.size(), () -> {
			counted[0] = true;
			return 0;
		}, Integer.MAX_VALUE);
		return counted[0];
	}

}
