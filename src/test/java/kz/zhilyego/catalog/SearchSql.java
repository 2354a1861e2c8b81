package kz.zhilyego.catalog;

import java.util.List;
import java.util.Map;

import kz.zhilyego.common.Language;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exact statements {@link ListingSearch} runs for some criteria, for benchmarks that
 * compare the HTTP stack with the same SQL through plain JDBC.
 */
public final class SearchSql {

	private SearchSql() {
	}

	/**
	 * Capped count, the page's id scan and details, and their named parameters
	 * ({@link #details(List)} for the details).
	 */
	public record Statements(String count, String ids, String details, Map<String, Object> params,
			ListingSearch.Statements service) {

		public Map<String, Object> details(List<Long> ids) {
			return this.service.details(ids);
		}

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
		return new Statements(sql.count(), sql.ids(), sql.details(), sql.params(), sql);
	}

	/**
	 * Runs the page as the service does: the id scan, then the details of the page's ids.
	 * Returns how many ids the scan found (one more than the page when more follow).
	 */
	public static int page(NamedParameterJdbcTemplate jdbc, ListingSearchCriteria criteria, Statements sql) {
		List<Long> ids = jdbc.queryForList(sql.ids(), sql.params(), Long.class);
		List<Long> shown = ids.subList(0, Math.min(ids.size(), criteria.size()));
		if (!shown.isEmpty()) {
			jdbc.query(sql.details(), sql.details(shown), rs -> {
			});
		}
		return ids.size();
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
