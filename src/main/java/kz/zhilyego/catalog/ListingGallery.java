package kz.zhilyego.catalog;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo rows of a listing: in order ({@code position}, then id), at most one main
 * photo, which the first photo becomes when there is none. The files themselves are kept
 * by the caller in storage under the keys given here; the caller checks scope and limits
 * and holds the listing's lock ({@link ListingLocks}) for a change. The search cache sees
 * every change through the table's triggers ({@link CatalogCache}).
 */
@Service
public class ListingGallery {

	private final JdbcClient jdbc;

	ListingGallery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored photo: the storage keys of its card, thumbnail and full-size variants (the
	 * last two are missing on old rows: the card stands in).
	 */
	public record Photo(long id, int position, boolean main, String storageKey, @Nullable String thumbnailKey,
			@Nullable String fullKey, String contentType, @Nullable Integer width, @Nullable Integer height) {
	}

	/**
	 * A photo to add, its files already stored; width, height and size of the full one.
	 */
	public record NewPhoto(String cardKey, String thumbnailKey, String fullKey, String contentType, int width,
			int height, int sizeBytes) {
	}

	/** The listing's photos in order. */
	@Transactional(readOnly = true)
	public List<Photo> photos(long listingId) {
		return this.jdbc.sql("""
				select id, position, main, storage_key, thumbnail_key, full_key, content_type, width, height
				from listing_photos where listing_id = :id
				order by position, id
				""").param("id", listingId).query((rs, n) -> {
			int width = rs.getInt("width");
			Integer w = rs.wasNull() ? null : width;
			int height = rs.getInt("height");
			Integer h = rs.wasNull() ? null : height;
			return new Photo(rs.getLong("id"), rs.getInt("position"), rs.getBoolean("main"),
					rs.getString("storage_key"), rs.getString("thumbnail_key"), rs.getString("full_key"),
					rs.getString("content_type"), w, h);
		}).list();
	}

	/** How many photos the listing has. */
	@Transactional(readOnly = true)
	public int count(long listingId) {
		return this.jdbc.sql("select count(*) from listing_photos where listing_id = :id")
			.param("id", listingId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Adds photos after the last one, in the given order; the first becomes the main
	 * photo when the listing has none.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long listingId, List<NewPhoto> photos) {
		int position = this.jdbc.sql("select coalesce(max(position) + 1, 0) from listing_photos where listing_id = :id")
			.param("id", listingId)
			.query(Integer.class)
			.single();
		boolean hasMain = this.jdbc.sql("select exists (select 1 from listing_photos where listing_id = :id and main)")
			.param("id", listingId)
			.query(Boolean.class)
			.single();
		for (NewPhoto photo : photos) {
			this.jdbc.sql("""
					insert into listing_photos (listing_id, position, main, storage_key, content_type, width, height,
					    thumbnail_key, full_key, size_bytes)
					values (:listing, :position, :main, :card, :type, :width, :height, :thumb, :full, :size)
					""")
				.param("listing", listingId)
				.param("position", position++)
				.param("main", !hasMain)
				.param("card", photo.cardKey())
				.param("type", photo.contentType())
				.param("width", photo.width())
				.param("height", photo.height())
				.param("thumb", photo.thumbnailKey())
				.param("full", photo.fullKey())
				.param("size", photo.sizeBytes())
				.update();
			hasMain = true;
		}
	}

	/** Puts the listing's photos in this order (the caller passes exactly its ids). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reorder(long listingId, List<Long> photoIds) {
		for (int i = 0; i < photoIds.size(); i++) {
			this.jdbc.sql("update listing_photos set position = :position where id = :id and listing_id = :listing")
				.param("position", i)
				.param("id", photoIds.get(i))
				.param("listing", listingId)
				.update();
		}
	}

	/** Makes one of the listing's photos the main one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void makeMain(long listingId, long photoId) {
		this.jdbc.sql("update listing_photos set main = false where listing_id = :listing and main")
			.param("listing", listingId)
			.update();
		this.jdbc.sql("update listing_photos set main = true where id = :id and listing_id = :listing")
			.param("id", photoId)
			.param("listing", listingId)
			.update();
	}

	/**
	 * Removes one of the listing's photos (the first left becomes main when it was) and
	 * returns the storage keys of its files that no photo uses any more: the caller
	 * deletes those files after commit (demo placeholders are shared by many rows).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> remove(long listingId, long photoId) {
		List<String> keys = this.jdbc.sql(
				"select storage_key, thumbnail_key, full_key from listing_photos where id = :id and listing_id = :listing")
			.param("id", photoId)
			.param("listing", listingId)
			.query((rs, n) -> {
				List<String> k = new ArrayList<>();
				for (String column : new String[] { "storage_key", "thumbnail_key", "full_key" }) {
					if (rs.getString(column) != null) {
						k.add(rs.getString(column));
					}
				}
				return k;
			})
			.optional()
			.orElse(List.of());
		this.jdbc.sql("delete from listing_photos where id = :id and listing_id = :listing")
			.param("id", photoId)
			.param("listing", listingId)
			.update();
		this.jdbc.sql("""
				update listing_photos set main = true
				where id = (select id from listing_photos where listing_id = :listing order by position, id limit 1)
				  and not exists (select 1 from listing_photos where listing_id = :listing and main)
				""").param("listing", listingId).update();
		return keys.stream()
			.filter(key -> this.jdbc.sql(
					"select count(*) from listing_photos where storage_key = :k or thumbnail_key = :k or full_key = :k")
				.param("k", key)
				.query(Long.class)
				.single() == 0)
			.toList();
	}

}
