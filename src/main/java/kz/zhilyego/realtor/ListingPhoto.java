package kz.zhilyego.realtor;

import org.jspecify.annotations.Nullable;

/** A stored listing photo and the public URLs of its variants. */
public record ListingPhoto(long id, int position, boolean main, String thumbnailUrl, String cardUrl, String fullUrl,
		String contentType, @Nullable Integer width, @Nullable Integer height) {
}
