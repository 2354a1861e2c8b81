package kz.zhilyego.catalog;

/** Public URLs of stored media files. */
final class MediaUrls {

	private MediaUrls() {
	}

	static String of(String storageKey) {
		return "/media/" + storageKey;
	}

}
