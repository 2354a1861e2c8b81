package kz.zhilyego.catalog;

import java.time.Instant;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every active listing's public path for search engines (the sitemap). Rows are
 * streamed with a server-side cursor (fetch size inside a read-only transaction), so the
 * walk needs constant memory however many listings there are.
 */
@Service
public class ListingIndex {

	private static final int FETCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	ListingIndex(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	/** One indexed page. */
	public record Entry(long id, String path, Instant updatedAt) {
	}

	/** How many active listings there are. */
	@Transactional(readOnly = true)
	public long countActive() {
		Long count = this.jdbc.queryForObject("select count(*) from listings where status = 'ACTIVE'", Long.class);
		return count == null ? 0 : count;
	}

	/**
	 * Calls {@code each} for active listings in id order, skipping {@code offset} and
	 * stopping after {@code limit}.
	 */
	@Transactional(readOnly = true)
	public void forEachActive(long offset, int limit, Consumer<Entry> each) {
		this.jdbc.query("""
				select l.id, l.title, l.updated_at, c.slug as city, d.slug as district, t.slug as type_slug
				from listings l
				join cities c on c.id = l.city_id
				join districts d on d.id = l.district_id
				join housing_types t on t.code = l.type_code
				where l.status = 'ACTIVE'
				order by l.id
				offset ? limit ?
				""", rs -> {
			long id = rs.getLong("id");
			each.accept(new Entry(id, ListingPaths.of(rs.getString("city"), rs.getString("district"),
					rs.getString("type_slug"), rs.getString("title"), id), rs.getTimestamp("updated_at").toInstant()));
		}, offset, limit);
	}

}
