package kz.zhilyego.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Guest web site settings.
 *
 * @param baseUrl public origin used in canonical links, Open Graph and the sitemap (e.g.
 * {@code https://zhilyego.kz}); empty: taken from the request
 * @param popularListings how many top-rated listings the home page shows
 * @param favoritesShown most favorites the cabinet page lists
 * @param notificationsShown most in-app notifications the cabinet page lists
 * @param calendarMonths months of the availability calendar on a listing page
 */
@ConfigurationProperties("zhilyego.web")
public record WebProperties(String baseUrl, int popularListings, int favoritesShown, int notificationsShown,
		int calendarMonths) {

	public WebProperties {
		baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		popularListings = popularListings > 0 ? popularListings : 6;
		favoritesShown = favoritesShown > 0 ? favoritesShown : 100;
		notificationsShown = notificationsShown > 0 ? notificationsShown : 50;
		calendarMonths = calendarMonths > 0 ? calendarMonths : 3;
	}

}
