package kz.zhilyego.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCodesTest {

	private final SearchCodes codes = new SearchCodes(Map.of("esil", List.of(7, 3), "nura", List.of(5)),
			Map.of("wifi", 0, "parking", 1, "sauna", 62), 1);

	@Test
	void districtSlugsBecomeTheirIdsInEveryCityOnceAndInOrder() {
		assertThat(this.codes.districtIds(List.of("nura", "esil", "nura"))).containsExactly(3, 5, 7);
		assertThat(this.codes.districtIds(List.of("atlantis"))).isEmpty();
	}

	@Test
	void amenitiesBecomeOneMaskAndAnUnknownOneMatchesNothing() {
		assertThat(this.codes.amenityMask(List.of("wifi", "parking", "wifi"))).isEqualTo(0b11L);
		assertThat(this.codes.amenityMask(List.of("sauna"))).isEqualTo(1L << 62);
		assertThat(this.codes.amenityMask(List.of("wifi", "jacuzzi"))).isNull();
	}

}
