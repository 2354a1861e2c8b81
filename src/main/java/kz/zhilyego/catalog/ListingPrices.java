package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listing's nightly price and its per-night overrides, for the staff's calendar. The
 * caller checks scope and rules and holds the listing's lock ({@link ListingLocks}) for a
 * change; the search cache sees every change through the tables' triggers
 * ({@link CatalogCache}).
 */
@Service
public class ListingPrices {

	private final JdbcClient jdbc;

	ListingPrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The nightly price and currency of a listing, as stored. */
	public record Base(BigDecimal price, String currency) {
	}

	/** The listing's nightly price; the listing must exist. */
	@Transactional(readOnly = true)
	public Base base(long listingId) {
		return this.jdbc.sql("select price_per_night, currency from listings where id = :id")
			.param("id", listingId)
			.query((rs, n) -> new Base(rs.getBigDecimal("price_per_night"), rs.getString("currency")))
			.single();
	}

	/** The per-night prices set for nights {@code [from, to)}, as stored. */
	@Transactional(readOnly = true)
	public Map<LocalDate, BigDecimal> overrides(long listingId, LocalDate from, LocalDate to) {
		Map<LocalDate, BigDecimal> result = new HashMap<>();
		this.jdbc.sql("""
				select night, price from listing_night_prices
				where listing_id = :listing and night >= :from and night < :to
				""").param("listing", listingId).param("from", from).param("to", to).query((rs, n) -> {
			result.put(rs.getObject("night", LocalDate.class), rs.getBigDecimal("price"));
			return null;
		}).list();
		return result;
	}

	/** Sets the price of one night (replacing a price set before). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void set(long listingId, LocalDate night, BigDecimal price) {
		this.jdbc.sql("""
				insert into listing_night_prices (listing_id, night, price) values (:listing, :night, :price)
				on conflict (listing_id, night) do update set price = excluded.price
				""").param("listing", listingId).param("night", night).param("price", price).update();
	}

	/** Removes the per-night prices of nights {@code [from, to)}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void clear(long listingId, LocalDate from, LocalDate to) {
		this.jdbc.sql("delete from listing_night_prices where listing_id = :listing and night >= :from and night < :to")
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.update();
	}

}
