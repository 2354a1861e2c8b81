package kz.zhilyego.catalog;

import java.util.Map;

import kz.zhilyego.common.Language;

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

	public static Statements of(ListingSearchCriteria criteria, Language language, int countCap) {
		ListingSearch.Statements sql = ListingSearch.statements(criteria, language, countCap);
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
