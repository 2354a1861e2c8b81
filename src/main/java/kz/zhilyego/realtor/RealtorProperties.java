package kz.zhilyego.realtor;

import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Realtor workspace settings.
 *
 * @param maxPhotos photos per listing
 * @param maxPhotoSize largest accepted upload per photo (big photos are downscaled to the
 * variants anyway)
 * @param maxPhotoPixels largest accepted image (width × height), against decompression
 * bombs; images wider than twice {@code fullWidth} are decoded subsampled
 * @param photoFormat {@code auto} (WebP when an ImageIO WebP writer is present, else
 * JPEG), {@code webp} or {@code jpeg}
 * @param photoQuality lossy quality of the variants, 0–1
 * @param thumbnailWidth width of the thumbnail variant (px, never upscaled)
 * @param cardWidth width of the card variant (the one public cards and search show)
 * @param fullWidth width of the full-size variant
 * @param maxAnalyticsDays longest analytics or export period
 * @param heatMapDays days shown in the occupancy heat map (from the period start)
 * @param heatMapListings listings shown in the heat map
 * @param defaultPageSize list page size when none is asked for
 * @param maxPageSize largest page size a client may ask for
 */
@ConfigurationProperties("zhilyego.realtor")
public record RealtorProperties(int maxPhotos, DataSize maxPhotoSize, long maxPhotoPixels, String photoFormat,
		float photoQuality, int thumbnailWidth, int cardWidth, int fullWidth, int maxAnalyticsDays, int heatMapDays,
		int heatMapListings, int defaultPageSize, int maxPageSize) {

	public RealtorProperties {
		maxPhotos = maxPhotos > 0 ? maxPhotos : 6;
		maxPhotoSize = maxPhotoSize != null ? maxPhotoSize : DataSize.ofMegabytes(25);
		maxPhotoPixels = maxPhotoPixels > 0 ? maxPhotoPixels : 200_000_000L;
		photoFormat = photoFormat == null || photoFormat.isBlank() ? "auto" : photoFormat;
		photoQuality = photoQuality > 0 && photoQuality <= 1 ? photoQuality : 0.85f;
		thumbnailWidth = thumbnailWidth > 0 ? thumbnailWidth : 320;
		cardWidth = cardWidth > 0 ? cardWidth : 960;
		fullWidth = fullWidth > 0 ? fullWidth : 1920;
		maxAnalyticsDays = maxAnalyticsDays > 0 ? maxAnalyticsDays : 366;
		heatMapDays = heatMapDays > 0 ? heatMapDays : 62;
		heatMapListings = heatMapListings > 0 ? heatMapListings : 30;
		defaultPageSize = defaultPageSize > 0 ? defaultPageSize : 20;
		maxPageSize = maxPageSize > 0 ? maxPageSize : 100;
	}

	/** A list's page (from 0) and size. */
	record Paging(int page, int size) {
	}

	/**
	 * The page and size a client asked for, defaults filled in: the one check of the
	 * workspace's lists.
	 * @throws ProblemException 400 for a size outside 1..{@link #maxPageSize} or a
	 * negative page
	 */
	Paging paging(@Nullable Integer page, @Nullable Integer size) {
		int pageSize = size == null ? this.defaultPageSize : size;
		if (pageSize < 1 || pageSize > this.maxPageSize) {
			throw ProblemException.invalidField("size", "realtor.field.outOfRange");
		}
		if (page != null && page < 0) {
			throw ProblemException.invalidField("page", "realtor.field.outOfRange");
		}
		return new Paging(page == null ? 0 : page, pageSize);
	}

}
