package kz.zhilyego.catalog;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A new or edited dictionary entry; which fields count depends on the kind
 * ({@link DictionaryEntry}). {@code code} is the slug of a city or district and the code
 * of a class, type or amenity; it cannot change after creation (URLs and filters use it).
 */
public record DictionaryForm(@Nullable String code, @Nullable String slug, @Nullable String nameRu,
		@Nullable String nameKk, @Nullable String nameEn, @Nullable Integer position, @Nullable String timeZone,
		@Nullable String city, @Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Boolean hasRooms) {
}
