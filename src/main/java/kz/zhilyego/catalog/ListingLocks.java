package kz.zhilyego.catalog;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listing's owner and row lock, for the modules that check a listing's scope or
 * serialise their writes on it (the catalog owns {@code listings}: ADR 0003). The lock is
 * the same row lock the booking hold and the occupied-nights trigger take (ADR 0006).
 */
@Service
public class ListingLocks {

	private final JdbcClient jdbc;

	ListingLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The owner of a listing; empty when there is no such listing. */
	@Transactional(readOnly = true)
	public Optional<Long> ownerOf(long listingId) {
		return this.jdbc.sql("select owner_id from listings where id = :id")
			.param("id", listingId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Locks the listing's row until the caller's transaction ends and returns its owner;
	 * empty when there is no such listing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> lock(long listingId) {
		return this.jdbc.sql("select owner_id from listings where id = :id for update")
			.param("id", listingId)
			.query(Long.class)
			.optional();
	}

	/** Whether the listing exists and is active (in the search). */
	@Transactional(readOnly = true)
	public boolean isActive(long listingId) {
		return this.jdbc.sql("select exists (select 1 from listings where id = :id and status = 'ACTIVE')")
			.param("id", listingId)
			.query(Boolean.class)
			.single();
	}

}
