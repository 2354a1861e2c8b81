package kz.zhilyego.realtor.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.ActivateListing;
import kz.zhilyego.realtor.EditListing;
import kz.zhilyego.realtor.ListRealtorListings;
import kz.zhilyego.realtor.ListingCalendar;
import kz.zhilyego.realtor.ListingChange;
import kz.zhilyego.realtor.ListingForm;
import kz.zhilyego.realtor.ListingOptions;
import kz.zhilyego.realtor.ListingPhoto;
import kz.zhilyego.realtor.ListingPhotos;
import kz.zhilyego.realtor.RealtorListing;
import kz.zhilyego.realtor.RealtorListingSummary;
import kz.zhilyego.realtor.RealtorListings;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Realtor API for listings: the scoped list, create, edit (optimistic locking), activate,
 * deactivate, history, access codes, photos, calendar and per-date prices.
 */
@RestController
@RequestMapping("/api/v1/realtor/listings")
@Tag(name = "Realtor: listings", description = "Own listings (agency's for a super admin, all for a superuser)")
class RealtorListingApiController {

	private final RealtorListings listings;

	private final ListRealtorListings list;

	private final EditListing edit;

	private final ActivateListing activation;

	private final ListingPhotos photos;

	private final ListingCalendar calendar;

	private final ListingOptions options;

	RealtorListingApiController(RealtorListings listings, ListRealtorListings list, EditListing edit,
			ActivateListing activation, ListingPhotos photos, ListingCalendar calendar, ListingOptions options) {
		this.listings = listings;
		this.list = list;
		this.edit = edit;
		this.activation = activation;
		this.photos = photos;
		this.calendar = calendar;
		this.options = options;
	}

	/** A listing form plus the version the editor loaded (for PUT). */
	record UpdateRequest(@NotNull Integer version, ListingForm listing) {
	}

	record PriceRequest(@Nullable LocalDate from, @Nullable LocalDate to, java.math.@Nullable BigDecimal price) {
	}

	record OrderRequest(@Nullable List<Long> photoIds) {
	}

	@GetMapping
	@Operation(summary = "Listings in scope; filters status (active|inactive), type, district, realtorId (one owner"
			+ " in scope), q (part of the title or address, or the listing number); sort"
			+ " added|price|price_desc|occupancy; paged like the public search")
	PageResult<RealtorListingSummary> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String district,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable Long realtorId,
			@RequestParam(required = false) @Nullable String q, Locale locale) {
		return this.list.list(user,
				new ListRealtorListings.Filter(status, type, district, sort, page, size, realtorId, q),
				Language.of(locale));
	}

	@GetMapping("/options")
	@Operation(summary = "Reference data for the listing form (cities, districts, classes, types, amenities)")
	ListingOptions.Options options(Locale locale) {
		return this.options.all(Language.of(locale));
	}

	@PostMapping
	@Operation(summary = "Create a listing (active at once); 400 with field errors")
	ResponseEntity<RealtorListing> create(@AuthenticationPrincipal CurrentUser user, @RequestBody ListingForm body) {
		RealtorListing listing = this.edit.create(body, user);
		return ResponseEntity.created(URI.create("/api/v1/realtor/listings/" + listing.id())).body(listing);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A listing in scope with every field and its version")
	RealtorListing get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.listings.get(id, user);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Save every field; 'version' must be the one loaded, else 409 listing-version-conflict")
	RealtorListing update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody UpdateRequest body) {
		if (body.version() == null) {
			throw ProblemException.invalidField("version", "realtor.field.required");
		}
		if (body.listing() == null) {
			throw ProblemException.invalidField("listing", "realtor.field.required");
		}
		return this.edit.update(id, body.version(), body.listing(), user);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate a listing: it leaves the search")
	RealtorListing deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.activation.setActive(id, false, user);
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "Activate a listing again")
	RealtorListing activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.activation.setActive(id, true, user);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Change history: who, when, which fields (old and new values)")
	List<ListingChange> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.listings.history(id, user);
	}

	@GetMapping("/{id}/photos")
	@Operation(summary = "The listing's photos in order")
	List<ListingPhoto> photos(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.photos.list(id, user);
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload photos (multipart 'file', one or more): JPEG, PNG or WebP by content, up to the"
			+ " size and count limits; all or nothing")
	ResponseEntity<List<ListingPhoto>> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam("file") List<MultipartFile> files) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.photos.add(id, uploads(files), user));
	}

	@PutMapping("/{id}/photos/order")
	@Operation(summary = "Reorder the photos (every photo id exactly once)")
	List<ListingPhoto> reorder(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody OrderRequest body) {
		return this.photos.reorder(id, body.photoIds() == null ? List.of() : body.photoIds(), user);
	}

	@PostMapping("/{id}/photos/{photoId}/main")
	@Operation(summary = "Make a photo the main one")
	List<ListingPhoto> main(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long photoId) {
		return this.photos.makeMain(id, photoId, user);
	}

	@DeleteMapping("/{id}/photos/{photoId}")
	@Operation(summary = "Delete a photo and its stored variants")
	List<ListingPhoto> deletePhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long photoId) {
		return this.photos.delete(id, photoId, user);
	}

	@GetMapping("/{id}/calendar")
	@Operation(summary = "Nights [from, to): bookings with status and guest, blocks with reason, price of each night")
	ListingCalendar.Calendar calendar(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.calendar.calendar(id, from, to, user);
	}

	@PutMapping("/{id}/prices")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set the price of every night in [from, to) (history kept)")
	void setPrice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody PriceRequest body) {
		this.calendar.setPrice(id, body.from(), body.to(), body.price(), user);
	}

	@DeleteMapping("/{id}/prices")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the per-date prices in [from, to): back to the base price")
	void clearPrice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		this.calendar.clearPrice(id, from, to, user);
	}

	static List<ListingPhotos.Upload> uploads(List<MultipartFile> files) {
		List<ListingPhotos.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			if (file.isEmpty()) {
				continue;
			}
			try {
				uploads.add(new ListingPhotos.Upload(file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return uploads;
	}

}
