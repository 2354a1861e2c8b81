package kz.zhilyego.catalog;

import kz.zhilyego.common.Slugs;

/**
 * Clean public URLs of listing pages: {@code /astana/esil/kvartira-uiutnaia-studiia-123}.
 * Only the trailing id identifies the listing; the rest is for people and search engines.
 */
public final class ListingPaths {

	private ListingPaths() {
	}

	public static String of(String citySlug, String districtSlug, String typeSlug, String title, long id) {
		String titleSlug = Slugs.of(title);
		String name = titleSlug.isEmpty() ? typeSlug : typeSlug + "-" + titleSlug;
		return "/" + citySlug + "/" + districtSlug + "/" + name + "-" + id;
	}

}
