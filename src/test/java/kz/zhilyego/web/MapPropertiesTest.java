package kz.zhilyego.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MapPropertiesTest {

	@Test
	void openStreetMapIsTheDefault() {
		MapProperties.Tiles tiles = new MapProperties(null, null, null, null, 0, null).tiles();
		assertThat(tiles.url()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		assertThat(tiles.attribution()).contains("OpenStreetMap");
		assertThat(tiles.crs()).isEqualTo("EPSG3857");
	}

	@Test
	void yandexTilesUseTheirEllipsoidalMercator() {
		MapProperties.Tiles tiles = new MapProperties("yandex", null, null, null, 0, null).tiles();
		assertThat(tiles.url()).contains("yandex");
		assertThat(tiles.crs()).isEqualTo("EPSG3395");
	}

	@Test
	void twoGisAndACustomServerAndNone() {
		assertThat(new MapProperties("2gis", null, null, null, 0, null).tiles().url()).contains("2gis.com");
		MapProperties.Tiles custom = new MapProperties("custom", "https://tiles.example.kz/{z}/{x}/{y}.png", "© us",
				null, 17, null)
			.tiles();
		assertThat(custom.url()).isEqualTo("https://tiles.example.kz/{z}/{x}/{y}.png");
		assertThat(custom.maxZoom()).isEqualTo(17);
		assertThat(new MapProperties("custom", null, null, null, 0, null).tiles()).as("custom without a URL").isNull();
		assertThat(new MapProperties("none", null, null, null, 0, null).tiles()).isNull();
	}

}
