package kz.zhilyego.realtor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.settings.Settings;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos of a listing: upload (several at once, all or nothing), reorder, choose the main
 * one, delete. At most {@code zhilyego.realtor.max-photos} per listing, counted under the
 * listing's row lock so two uploads can't both take the last place. Files go to the
 * {@link FileStorage}; when the database write fails they are deleted again, and deleted
 * photos' files are removed only after commit.
 */
@Service
public class ListingPhotos {

	private static final Logger log = LoggerFactory.getLogger(ListingPhotos.class);

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final PhotoProcessor processor;

	private final FileStorage storage;

	private final ListingHistory history;

	private final AuditLog audit;

	private final Settings settings;

	private final ActivateListing activation;

	private final RealtorProperties properties;

	ListingPhotos(JdbcClient jdbc, StaffScopes scopes, PhotoProcessor processor, FileStorage storage,
			ListingHistory history, AuditLog audit, Settings settings, ActivateListing activation,
			RealtorProperties properties) {
		this.activation = activation;
		this.properties = properties;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.processor = processor;
		this.storage = storage;
		this.history = history;
		this.audit = audit;
		this.settings = settings;
	}

	/** An uploaded file: its bytes (the name is ignored for the type). */
	public record Upload(byte[] bytes) {
	}

	/**
	 * What the upload form states: photos per listing (the platform settings), the
	 * largest photo in megabytes.
	 */
	public record Limits(int maxPhotos, long maxPhotoMegabytes) {
	}

	public Limits limits() {
		return new Limits(this.settings.current().maxPhotos(), this.properties.maxPhotoSize().toMegabytes());
	}

	@Transactional(readOnly = true)
	public List<ListingPhoto> list(long listingId, CurrentUser user) {
		this.scopes.ownerInScope(listingId, this.scopes.of(user));
		return photos(listingId);
	}

	/**
	 * Adds photos. Every file is checked first (type by content, size, decodable); one
	 * bad file or too many photos and nothing is stored.
	 */
	@Transactional
	public List<ListingPhoto> add(long listingId, List<Upload> uploads, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.lockInScope(listingId, scope);
		if (uploads.isEmpty()) {
			throw ProblemException.invalidField("file", "realtor.photo.none");
		}
		int existing = this.jdbc.sql("select count(*) from listing_photos where listing_id = :id")
			.param("id", listingId)
			.query(Integer.class)
			.single();
		int maxPhotos = this.settings.current().maxPhotos();
		if (existing + uploads.size() > maxPhotos) {
			throw new ProblemException(HttpStatus.CONFLICT, "photo-limit", "realtor.photo.limit", maxPhotos);
		}
		List<PhotoProcessor.Variants> processed = new ArrayList<>();
		for (Upload upload : uploads) {
			processed.add(this.processor.process(upload.bytes()));
		}
		List<String> written = new ArrayList<>();
		registerCleanupOnRollback(written);
		int position = this.jdbc.sql("select coalesce(max(position) + 1, 0) from listing_photos where listing_id = :id")
			.param("id", listingId)
			.query(Integer.class)
			.single();
		boolean hasMain = existing > 0
				&& this.jdbc.sql("select exists (select 1 from listing_photos where listing_id = :id and main)")
					.param("id", listingId)
					.query(Boolean.class)
					.single();
		for (PhotoProcessor.Variants v : processed) {
			String base = "listings/" + listingId + "/" + UUID.randomUUID();
			String thumb = base + "-thumb." + v.extension();
			String card = base + "-card." + v.extension();
			String full = base + "-full." + v.extension();
			put(thumb, v.thumbnail().bytes(), v.contentType(), written);
			put(card, v.card().bytes(), v.contentType(), written);
			put(full, v.full().bytes(), v.contentType(), written);
			this.jdbc.sql("""
					insert into listing_photos (listing_id, position, main, storage_key, content_type, width, height,
					    thumbnail_key, full_key, size_bytes)
					values (:listing, :position, :main, :card, :type, :width, :height, :thumb, :full, :size)
					""")
				.param("listing", listingId)
				.param("position", position++)
				.param("main", !hasMain)
				.param("card", card)
				.param("type", v.contentType())
				.param("width", v.full().width())
				.param("height", v.full().height())
				.param("thumb", thumb)
				.param("full", full)
				.param("size", v.full().bytes().length)
				.update();
			hasMain = true;
		}
		this.history.record(listingId, user.id(), "PHOTO_ADDED",
				Map.of("photos", new ListingChange.FieldChange(existing, existing + uploads.size())));
		this.audit.record(user.id(), "listing.photos-added", "listing", String.valueOf(listingId),
				Map.of("count", uploads.size()));
		// new pictures are a substantial change: with moderation on they wait for
		// approval
		this.activation.needsReview(listingId, user);
		return photos(listingId);
	}

	/** Puts the photos in the given order: exactly the listing's photo ids. */
	@Transactional
	public List<ListingPhoto> reorder(long listingId, List<Long> photoIds, CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		List<Long> current = ids(listingId);
		if (photoIds.size() != current.size() || !new HashSet<>(photoIds).equals(new HashSet<>(current))) {
			throw ProblemException.invalidField("photoIds", "realtor.photo.order");
		}
		for (int i = 0; i < photoIds.size(); i++) {
			this.jdbc.sql("update listing_photos set position = :position where id = :id and listing_id = :listing")
				.param("position", i)
				.param("id", photoIds.get(i))
				.param("listing", listingId)
				.update();
		}
		this.history.record(listingId, user.id(), "PHOTOS_REORDERED",
				Map.of("order", new ListingChange.FieldChange(current, photoIds)));
		return photos(listingId);
	}

	/** Moves a photo one place up (-1) or down (+1). */
	@Transactional
	public List<ListingPhoto> move(long listingId, long photoId, int delta, CurrentUser user) {
		List<Long> order = new ArrayList<>(list(listingId, user).stream().map(ListingPhoto::id).toList());
		int index = order.indexOf(photoId);
		if (index < 0) {
			throw ProblemException.notFound("realtor.photo.notFound");
		}
		int target = Math.max(0, Math.min(order.size() - 1, index + delta));
		order.remove(index);
		order.add(target, photoId);
		return reorder(listingId, order, user);
	}

	@Transactional
	public List<ListingPhoto> makeMain(long listingId, long photoId, CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		requirePhoto(listingId, photoId);
		this.jdbc.sql("update listing_photos set main = false where listing_id = :listing and main")
			.param("listing", listingId)
			.update();
		this.jdbc.sql("update listing_photos set main = true where id = :id").param("id", photoId).update();
		this.history.record(listingId, user.id(), "MAIN_PHOTO_CHANGED",
				Map.of("mainPhoto", new ListingChange.FieldChange(null, photoId)));
		return photos(listingId);
	}

	@Transactional
	public List<ListingPhoto> delete(long listingId, long photoId, CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		requirePhoto(listingId, photoId);
		List<String> keys = this.jdbc
			.sql("select storage_key, thumbnail_key, full_key from listing_photos where id = :id")
			.param("id", photoId)
			.query((rs, n) -> {
				List<String> k = new ArrayList<>();
				for (String column : new String[] { "storage_key", "thumbnail_key", "full_key" }) {
					if (rs.getString(column) != null) {
						k.add(rs.getString(column));
					}
				}
				return k;
			})
			.single();
		this.jdbc.sql("delete from listing_photos where id = :id").param("id", photoId).update();
		this.jdbc.sql("""
				update listing_photos set main = true
				where id = (select id from listing_photos where listing_id = :listing order by position, id limit 1)
				  and not exists (select 1 from listing_photos where listing_id = :listing and main)
				""").param("listing", listingId).update();
		// files shared with other rows (demo placeholders) stay
		List<String> unshared = keys.stream()
			.filter(key -> this.jdbc.sql(
					"select count(*) from listing_photos where storage_key = :k or thumbnail_key = :k or full_key = :k")
				.param("k", key)
				.query(Long.class)
				.single() == 0)
			.toList();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				unshared.forEach(ListingPhotos.this::deleteQuietly);
			}
		});
		this.history.record(listingId, user.id(), "PHOTO_REMOVED",
				Map.of("photo", new ListingChange.FieldChange(photoId, null)));
		this.audit.record(user.id(), "listing.photo-removed", "listing", String.valueOf(listingId),
				Map.of("photoId", photoId));
		return photos(listingId);
	}

	List<ListingPhoto> photos(long listingId) {
		return this.jdbc.sql("select * from listing_photos where listing_id = :id order by position, id")
			.param("id", listingId)
			.query(RealtorListings::photo)
			.list();
	}

	private List<Long> ids(long listingId) {
		return this.jdbc.sql("select id from listing_photos where listing_id = :id order by position, id")
			.param("id", listingId)
			.query(Long.class)
			.list();
	}

	private void requirePhoto(long listingId, long photoId) {
		if (!ids(listingId).contains(photoId)) {
			throw ProblemException.notFound("realtor.photo.notFound");
		}
	}

	private void put(String key, byte[] bytes, String contentType, List<String> written) {
		this.storage.put(key, bytes, contentType);
		written.add(key);
	}

	private void registerCleanupOnRollback(List<String> written) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					written.forEach(ListingPhotos.this::deleteQuietly);
				}
			}
		});
	}

	private void deleteQuietly(String key) {
		try {
			this.storage.delete(key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete stored file {}: {}", key, ex.getMessage());
		}
	}

}
