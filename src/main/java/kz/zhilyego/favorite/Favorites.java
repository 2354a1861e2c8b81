package kz.zhilyego.favorite;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.zhilyego.catalog.ListingLocks;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's favorite listings. Adding and removing are idempotent; every method acts on
 * the given user's favorites only.
 */
@Service
public class Favorites {

	/** The most favorites one user may keep. */
	public static final int MAX = 500;

	private final JdbcClient jdbc;

	private final ListingLocks listings;

	private final Clock clock;

	Favorites(JdbcClient jdbc, ListingLocks listings, Clock clock) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.clock = clock;
	}

	/**
	 * Saves an active listing (idempotent).
	 * @return true if it was not a favorite before
	 * @throws ProblemException 404 when there is no such active listing, 409 over
	 * {@link #MAX}
	 */
	@Transactional
	public boolean add(long userId, long listingId) {
		if (!this.listings.isActive(listingId)) {
			throw ProblemException.notFound("listing.notFound", listingId);
		}
		if (isFavorite(userId, listingId)) {
			return false;
		}
		long count = this.jdbc.sql("select count(*) from favorites where user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
		if (count >= MAX) {
			throw ProblemException.conflict("favorites-full", "favorite.full", MAX);
		}
		return this.jdbc.sql("""
				insert into favorites (user_id, listing_id, created_at) values (:user, :listing, :now)
				on conflict do nothing
				""")
			.param("user", userId)
			.param("listing", listingId)
			.param("now", Instants.utc(this.clock.instant()))
			.update() == 1;
	}

	/** Removes a listing from the favorites (idempotent); true if it was there. */
	@Transactional
	public boolean remove(long userId, long listingId) {
		return this.jdbc.sql("delete from favorites where user_id = :user and listing_id = :listing")
			.param("user", userId)
			.param("listing", listingId)
			.update() == 1;
	}

	/** The user's favorites, newest first. */
	@Transactional(readOnly = true)
	public List<Favorite> list(long userId) {
		return this.jdbc.sql("""
				select listing_id, created_at from favorites where user_id = :user
				order by created_at desc, listing_id desc
				""")
			.param("user", userId)
			.query((rs, n) -> new Favorite(rs.getLong("listing_id"), Instants.read(rs, "created_at")))
			.list();
	}

	@Transactional(readOnly = true)
	public boolean isFavorite(long userId, long listingId) {
		return this.jdbc.sql("select exists (select 1 from favorites where user_id = :user and listing_id = :listing)")
			.param("user", userId)
			.param("listing", listingId)
			.query(Boolean.class)
			.single();
	}

	/** Which of these listings are the user's favorites (for hearts on a result page). */
	@Transactional(readOnly = true)
	public Set<Long> among(long userId, Collection<Long> listingIds) {
		if (listingIds.isEmpty()) {
			return Set.of();
		}
		return this.jdbc.sql("select listing_id from favorites where user_id = :user and listing_id in (:ids)")
			.param("user", userId)
			.param("ids", listingIds)
			.query(Long.class)
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableSet());
	}

}
