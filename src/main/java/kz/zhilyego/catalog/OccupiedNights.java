package kz.zhilyego.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The occupied-nights bitmap each listing carries for search (ADR 0006, migration V70):
 * kept by a trigger on {@code occupancies} in the same transaction as every occupancy
 * change. The occupancy relation and its exclusion constraint stay the truth; this is the
 * consistency check between the two, and the repair that rebuilds the bitmaps from the
 * occupancies.
 */
@Service
public class OccupiedNights {

	private static final int MAX_REPORTED = 100;

	private final JdbcClient jdbc;

	OccupiedNights(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the check found.
	 *
	 * @param listings listings checked (all of them)
	 * @param mismatches listings whose bitmap disagrees with their occupancies
	 * @param mismatchedIds the first {@value #MAX_REPORTED} of them, by id
	 */
	public record Report(long listings, long mismatches, List<Long> mismatchedIds) {

		public Report {
			mismatchedIds = List.copyOf(mismatchedIds);
		}

		public boolean consistent() {
			return this.mismatches == 0;
		}

	}

	/**
	 * Compares every listing's bitmap with the occupancy relation: every occupied night
	 * is a set bit and no other bit is set.
	 */
	@Transactional(readOnly = true)
	public Report check() {
		long listings = this.jdbc.sql("select count(*) from listings").query(Long.class).single();
		List<Long> mismatched = this.jdbc.sql("select listing_id from occupied_nights_mismatches()")
			.query(Long.class)
			.list();
		return new Report(listings, mismatched.size(),
				mismatched.subList(0, Math.min(MAX_REPORTED, mismatched.size())));
	}

	/** Rebuilds every bitmap from the occupancies; returns how many listings changed. */
	@Transactional
	public long repair() {
		return this.jdbc.sql("select rebuild_occupied_nights()").query(Long.class).single();
	}

}
