package kz.zhilyego.catalog;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a dictionary as the superuser manages it.
 *
 * @param kind {@code cities}, {@code districts}, {@code classes}, {@code types} or
 * {@code amenities}
 * @param key how the entry is addressed: a city's slug, a district's id, the code of the
 * others
 * @param code the slug (cities, districts, types) or code (classes, types, amenities)
 * @param slug a type's URL slug (types only)
 * @param timeZone a city's time zone (cities only)
 * @param city a district's city slug (districts only)
 * @param validFrom first day a district exists (districts only)
 * @param validTo the day it stops existing, exclusive (districts only; null = open)
 * @param hasRooms whether the rooms filter applies (types only)
 * @param active offered in search, forms and the bot (districts: valid today)
 * @param usedBy listings (or districts of a city) that use the entry: a used entry is
 * never deleted, only deactivated
 */
public record DictionaryEntry(String kind, String key, String code, @Nullable String slug, String nameRu, String nameKk,
		String nameEn, int position, boolean active, @Nullable String timeZone, @Nullable String city,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Boolean hasRooms, long usedBy) {
}
