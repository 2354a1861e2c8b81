package kz.zhilyego.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map on listing and search pages (Leaflet, served from a WebJar): which tile server
 * draws it. The page always shows the address and the coordinates in text; the map is an
 * enhancement that stays hidden when tiles cannot be loaded (offline, blocked, or no tile
 * server).
 *
 * @param provider {@code osm} (OpenStreetMap, the default), {@code 2gis}, {@code yandex},
 * {@code custom} (give {@code tiles-url}) or {@code none} (no map, address only)
 * @param tilesUrl Leaflet tile URL template ({@code {s}}, {@code {z}}, {@code {x}},
 * {@code {y}}); overrides the provider's
 * @param attribution the tile server's required credit (HTML); overrides the provider's
 * @param subdomains values of {@code {s}}; overrides the provider's
 * @param maxZoom the deepest zoom the tiles have; 0 = the provider's
 * @param crs {@code EPSG3857} (web Mercator, most servers) or {@code EPSG3395} (Yandex);
 * overrides the provider's
 */
@ConfigurationProperties("zhilyego.web.map")
record MapProperties(@Nullable String provider, @Nullable String tilesUrl, @Nullable String attribution,
		@Nullable String subdomains, int maxZoom, @Nullable String crs) {

	/** What the page's script needs, after the provider's defaults are applied. */
	record Tiles(String url, String attribution, String subdomains, int maxZoom, String crs) {
	}

	/** The tile settings, or null when there is no map ({@code none}). */
	@Nullable Tiles tiles() {
		String name = this.provider == null || this.provider.isBlank() ? "osm"
				: this.provider.strip().toLowerCase(Locale.ROOT);
		Tiles preset = switch (name) {
			case "none" -> null;
			case "2gis" -> new Tiles("https://tile{s}.maps.2gis.com/tiles?x={x}&y={y}&z={z}&v=1",
					"&copy; <a href=\"https://2gis.kz\">2ГИС</a>", "0123", 18, "EPSG3857");
			case "yandex" -> new Tiles(
					"https://core-renderer-tiles.maps.yandex.net/tiles?l=map&x={x}&y={y}&z={z}&scale=1&lang=ru_RU",
					"&copy; <a href=\"https://yandex.kz/maps\">Яндекс Карты</a>", "abc", 19, "EPSG3395");
			case "custom" -> new Tiles("", "", "abc", 19, "EPSG3857");
			default -> new Tiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
					"&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>", "abc", 19,
					"EPSG3857");
		};
		if (preset == null) {
			return null;
		}
		Tiles tiles = new Tiles(or(this.tilesUrl, preset.url()), or(this.attribution, preset.attribution()),
				or(this.subdomains, preset.subdomains()), this.maxZoom > 0 ? this.maxZoom : preset.maxZoom(),
				"EPSG3395".equalsIgnoreCase(or(this.crs, preset.crs())) ? "EPSG3395" : "EPSG3857");
		return tiles.url().isBlank() ? null : tiles;
	}

	private static String or(@Nullable String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

}
