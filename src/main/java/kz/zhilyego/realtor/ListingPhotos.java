package kz.zhilyego.realtor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.catalog.ListingGallery;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.settings.Settings;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos of a listing: upload (several at once, all or nothing), reorder, choose the main
 * one, delete. At most {@code zhilyego.realtor.max-photos} per listing, counted under the
 * listing's row lock so two uploads can't both take the last place. Files go to the
 * {@link FileStorage}, their rows to the catalog ({@link ListingGallery}); when the
 * database write fails the files are deleted again, and deleted photos' files are removed
 * only after commit.
 */
@Service
public class ListingPhotos {

	private static final Logger log = LoggerFactory.getLogger(ListingPhotos.class);

	private final ListingGallery gallery;

	private final StaffScopes scopes;

	private final PhotoProcessor processor;

	private final FileStorage storage;

	private final ListingHistory history;

	private final AuditLog audit;

	private final Settings settings;

	private final ActivateListing activation;

	private final RealtorProperties properties;

	ListingPhotos(ListingGallery gallery, StaffScopes scopes, PhotoProcessor processor, FileStorage storage,
			ListingHistory history, AuditLog audit, Settings settings, ActivateListing activation,
			RealtorProperties properties) {
		this.activation = activation;
		this.properties = properties;
		this.gallery = gallery;
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
		int existing = this.gallery.count(listingId);
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
		List<ListingGallery.NewPhoto> rows = new ArrayList<>();
		for (PhotoProcessor.Variants v : processed) {
			String base = "listings/" + listingId + "/" + UUID.randomUUID();
			String thumb = base + "-thumb." + v.extension();
			String card = base + "-card." + v.extension();
			String full = base + "-full." + v.extension();
			put(thumb, v.thumbnail().bytes(), v.contentType(), written);
			put(card, v.card().bytes(), v.contentType(), written);
			put(full, v.full().bytes(), v.contentType(), written);
			rows.add(new ListingGallery.NewPhoto(card, thumb, full, v.contentType(), v.full().width(),
					v.full().height(), v.full().bytes().length));
		}
		this.gallery.add(listingId, rows);
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
		this.gallery.reorder(listingId, photoIds);
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
		this.gallery.makeMain(listingId, photoId);
		this.history.record(listingId, user.id(), "MAIN_PHOTO_CHANGED",
				Map.of("mainPhoto", new ListingChange.FieldChange(null, photoId)));
		return photos(listingId);
	}

	@Transactional
	public List<ListingPhoto> delete(long listingId, long photoId, CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		requirePhoto(listingId, photoId);
		// files shared with other rows (demo placeholders) stay
		List<String> unshared = this.gallery.remove(listingId, photoId);
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
		return this.gallery.photos(listingId).stream().map(RealtorListings::photo).toList();
	}

	private List<Long> ids(long listingId) {
		return this.gallery.photos(listingId).stream().map(ListingGallery.Photo::id).toList();
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
