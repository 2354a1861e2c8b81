package kz.zhilyego.favorite.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.common.Language;
import kz.zhilyego.favorite.Favorite;
import kz.zhilyego.favorite.Favorites;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's favorite listings. */
@RestController
@Validated
@RequestMapping("/api/v1/me/favorites")
@Tag(name = "Favorites", description = "The caller's saved listings, shared by every channel")
class FavoriteApiController {

	private final Favorites favorites;

	private final ListingCatalog catalog;

	FavoriteApiController(Favorites favorites, ListingCatalog catalog) {
		this.favorites = favorites;
		this.catalog = catalog;
	}

	/**
	 * A favorite with what a list shows; {@code available} false once the listing is
	 * inactive.
	 */
	record FavoriteJson(long listingId, Instant addedAt, boolean available, @Nullable String title,
			@Nullable String path, @Nullable BigDecimal pricePerNight, @Nullable String currency,
			@Nullable BigDecimal rating, int reviewCount, @Nullable String previewPhotoUrl) {
	}

	@GetMapping
	@Operation(summary = "The caller's favorites, newest first")
	List<FavoriteJson> list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		Language language = Language.of(locale);
		return this.favorites.list(user.id()).stream().map(f -> json(f, language)).toList();
	}

	@PutMapping("/{listingId}")
	@Operation(summary = "Save an active listing (idempotent): 201 when added, 204 when it already was")
	ResponseEntity<Void> add(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long listingId) {
		boolean added = this.favorites.add(user.id(), listingId);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.NO_CONTENT).build();
	}

	@DeleteMapping("/{listingId}")
	@Operation(summary = "Remove a listing from the favorites (idempotent)")
	ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long listingId) {
		this.favorites.remove(user.id(), listingId);
		return ResponseEntity.noContent().build();
	}

	private FavoriteJson json(Favorite favorite, Language language) {
		Optional<ListingCard> card = this.catalog.find(favorite.listingId(), language, true);
		if (card.isEmpty()) {
			return new FavoriteJson(favorite.listingId(), favorite.createdAt(), false, null, null, null, null, null, 0,
					null);
		}
		ListingCard c = card.get();
		return new FavoriteJson(c.id(), favorite.createdAt(), true, c.title(), c.path(), c.pricePerNight(),
				c.currency(), c.rating(), c.reviewCount(), c.photos().isEmpty() ? null : c.photos().get(0).url());
	}

}
