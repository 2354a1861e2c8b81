package kz.zhilyego.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import kz.zhilyego.catalog.ListingSearchCriteria;
import kz.zhilyego.catalog.SearchSql;
import kz.zhilyego.common.Language;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the time of the search mix goes: every query of the mix once, one client, the
 * page query and the capped count timed separately (the count is timed even when the
 * service would skip it, and flagged), grouped by shape — dates or not, which filters,
 * the sort, first or later page. Prints the groups by total time and the slowest
 * statements. Each statement is then run once more under {@code EXPLAIN (ANALYZE,
 * BUFFERS)} and its shared buffers (hit + read, planning excluded) are summed per search:
 * unlike the timings, that figure does not move with a busier or slower host, so two
 * plans or two index sets are compared by it.
 */
final class SearchProfile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	SearchProfile(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Object> run(List<SearchMix.Query> queries, int countCap) {
		record Timing(String shape, String query, double pageMs, double countMs, boolean countRuns, long pageBuffers,
				long countBuffers) {

			long buffers() {
				return this.pageBuffers + this.countBuffers;
			}

		}
		List<Timing> timings = new ArrayList<>();
		SearchSql.Codes codes = SearchSql.codes(JdbcClient.create(this.jdbc));
		for (SearchMix.Query query : queries) {
			ListingSearchCriteria criteria = query.criteria();
			SearchSql.Statements sql = SearchSql.of(criteria, codes, Language.RU, countCap);
			long t0 = System.nanoTime();
			int fetched = SearchSql.page(this.jdbc, criteria, sql);
			long t1 = System.nanoTime();
			this.jdbc.queryForObject(sql.count(), sql.params(), Long.class);
			long t2 = System.nanoTime();
			boolean countRuns = SearchSql.needsCount(criteria, fetched);
			List<Long> ids = this.jdbc.queryForList(sql.ids(), sql.params(), Long.class);
			List<Long> shown = ids.subList(0, Math.min(ids.size(), criteria.size()));
			long pageBuffers = buffers(sql.ids(), sql.params())
					+ (shown.isEmpty() ? 0 : buffers(sql.details(), sql.details(shown)));
			timings.add(new Timing(shape(query), query.queryString(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, countRuns,
					pageBuffers, countRuns ? buffers(sql.count(), sql.params()) : 0));
		}
		Map<String, double[]> groups = new TreeMap<>();
		double pageTotal = 0;
		double countTotal = 0;
		for (Timing t : timings) {
			double count = t.countRuns() ? t.countMs() : 0;
			pageTotal += t.pageMs();
			countTotal += count;
			double[] g = groups.computeIfAbsent(t.shape(), k -> new double[4]);
			g[0]++;
			g[1] += t.pageMs();
			g[2] += count;
			g[3] = Math.max(g[3], t.pageMs() + count);
		}
		Map<String, double[]> features = new TreeMap<>();
		for (Timing t : timings) {
			double count = t.countRuns() ? t.countMs() : 0;
			for (String feature : t.shape().split(" ")) {
				double[] f = features.computeIfAbsent(feature, k -> new double[3]);
				f[0]++;
				f[1] += t.pageMs();
				f[2] += count;
			}
		}
		List<String> byFeature = new ArrayList<>();
		features.forEach((feature, f) -> byFeature.add(String.format("%s: n %d, mean page %.1f ms, mean count %.1f ms",
				feature, (int) f[0], f[1] / f[0], f[2] / f[0])));
		List<Map<String, Object>> byShape = new ArrayList<>();
		groups.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble(e -> -(e.getValue()[1] + e.getValue()[2])))
			.forEach(e -> {
				double[] g = e.getValue();
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("shape", e.getKey());
				row.put("n", (int) g[0]);
				row.put("pageMsTotal", Load.round(g[1]));
				row.put("countMsTotal", Load.round(g[2]));
				row.put("meanMs", Load.round((g[1] + g[2]) / g[0]));
				row.put("maxMs", Load.round(g[3]));
				byShape.add(row);
			});
		List<Map<String, Object>> slowest = new ArrayList<>();
		timings.stream()
			.sorted(Comparator.comparingDouble(t -> -(t.pageMs() + (t.countRuns() ? t.countMs() : 0))))
			.limit(25)
			.forEach(t -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("query", t.query());
				row.put("pageMs", Load.round(t.pageMs()));
				row.put("countMs", Load.round(t.countMs()));
				row.put("countRuns", t.countRuns());
				slowest.add(row);
			});
		List<Map<String, Object>> mostBuffers = new ArrayList<>();
		timings.stream().sorted(Comparator.comparingLong(t -> -t.buffers())).limit(15).forEach(t -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("query", t.query());
			row.put("buffers", t.buffers());
			row.put("pageBuffers", t.pageBuffers());
			row.put("countBuffers", t.countBuffers());
			mostBuffers.add(row);
		});
		List<Long> buffers = timings.stream().map(Timing::buffers).sorted().toList();
		List<Double> all = timings.stream().map(t -> t.pageMs() + (t.countRuns() ? t.countMs() : 0)).sorted().toList();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("queries", timings.size());
		result.put("pageMsTotal", Load.round(pageTotal));
		result.put("countMsTotal", Load.round(countTotal));
		result.put("countsRun", timings.stream().filter(Timing::countRuns).count());
		result.put("p50Ms", Load.round(all.get(all.size() / 2)));
		result.put("p95Ms", Load.round(all.get((int) (all.size() * 0.95))));
		result.put("maxMs", Load.round(all.get(all.size() - 1)));
		result.put("buffersTotal", buffers.stream().mapToLong(Long::longValue).sum());
		result.put("pageBuffersTotal", timings.stream().mapToLong(Timing::pageBuffers).sum());
		result.put("countBuffersTotal", timings.stream().mapToLong(Timing::countBuffers).sum());
		result.put("buffersP50", buffers.get(buffers.size() / 2));
		result.put("buffersP95", buffers.get((int) (buffers.size() * 0.95)));
		result.put("buffersMax", buffers.get(buffers.size() - 1));
		result.put("byFeature", byFeature);
		result.put("byShape", byShape);
		result.put("slowest", slowest);
		result.put("mostBuffers", mostBuffers);
		System.out.println("search profile: " + result.get("queries") + " queries, page " + pageTotal + " ms, count "
				+ countTotal + " ms, p50 " + result.get("p50Ms") + " p95 " + result.get("p95Ms") + " max "
				+ result.get("maxMs") + "; shared buffers per search: total " + result.get("buffersTotal") + " (page "
				+ result.get("pageBuffersTotal") + ", count " + result.get("countBuffersTotal") + "), p50 "
				+ result.get("buffersP50") + " p95 " + result.get("buffersP95") + " max " + result.get("buffersMax"));
		byFeature.forEach(r -> System.out.println("  " + r));
		byShape.stream().limit(25).forEach(r -> System.out.println("  " + r));
		slowest.forEach(r -> System.out.println("  slow " + r));
		return result;
	}

	/**
	 * Shared buffers (hit + read) the statement touched when executed, planning apart.
	 */
	private long buffers(String sql, Map<String, ?> params) {
		String plan = this.jdbc.queryForObject("explain (analyze, buffers, format json) " + sql, params, String.class);
		JsonNode top = JSON.readTree(plan).get(0).get("Plan");
		return top.get("Shared Hit Blocks").asLong() + top.get("Shared Read Blocks").asLong();
	}

	private static String shape(SearchMix.Query q) {
		StringJoiner s = new StringJoiner(" ");
		s.add(q.checkIn() == null ? "nodates" : "dates");
		if (q.district() != null) {
			s.add("district");
		}
		if (q.housingClass() != null || q.type() != null || q.rooms() != null || q.minRooms() != null) {
			s.add("class/type/rooms");
		}
		if (q.guests() != null) {
			s.add("guests");
		}
		if (q.minPrice() != null || q.maxPrice() != null) {
			s.add("price");
		}
		if (!q.amenities().isEmpty()) {
			s.add("amenities");
		}
		if (q.minRating() != null) {
			s.add("rating");
		}
		s.add("sort=" + q.sort());
		if (q.page() > 0) {
			s.add("page>0");
		}
		return s.toString();
	}

}
