package kz.zhilyego.realtor;

import java.nio.charset.StandardCharsets;

import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoProcessorTest {

	private final PhotoProcessor processor = new PhotoProcessor(
			new RealtorProperties(6, DataSize.ofMegabytes(7), 0, "auto", 0.85f, 320, 960, 1920, 0, 0, 0, 0, 0));

	@Test
	void detectsTheTypeByTheContentNotTheName() {
		assertThat(PhotoProcessor.detect(TestImages.jpeg(10, 10))).isEqualTo(PhotoProcessor.Kind.JPEG);
		assertThat(PhotoProcessor.detect(TestImages.png(10, 10))).isEqualTo(PhotoProcessor.Kind.PNG);
		assertThat(PhotoProcessor.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo(PhotoProcessor.Kind.WEBP);
		assertThatThrownBy(() -> PhotoProcessor.detect("GIF89a....".getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.type()).isEqualTo("photo-unsupported-type"));
	}

	@Test
	void makesThreeVariantsWithoutUpscalingAndWithoutExif() {
		PhotoProcessor.Variants variants = this.processor.process(TestImages.jpegWithExif(2400, 1600));
		assertThat(variants.thumbnail().width()).isEqualTo(320);
		assertThat(variants.card().width()).isEqualTo(960);
		assertThat(variants.card().height()).isEqualTo(640);
		assertThat(variants.full().width()).isEqualTo(1920);
		for (PhotoProcessor.Variant v : new PhotoProcessor.Variant[] { variants.thumbnail(), variants.card(),
				variants.full() }) {
			String raw = new String(v.bytes(), StandardCharsets.ISO_8859_1);
			assertThat(raw).doesNotContain("GPS-SECRET").doesNotContain("Exif");
		}
		PhotoProcessor.Variants small = this.processor.process(TestImages.png(200, 100));
		assertThat(small.full().width()).isEqualTo(200);
		assertThat(small.thumbnail().width()).isEqualTo(200);
	}

	@Test
	void theOutputIsWebpWhenAWriterIsAvailableElseJpeg() {
		PhotoProcessor.Variants variants = this.processor.process(TestImages.png(50, 50));
		byte[] b = variants.card().bytes();
		if (PhotoProcessor.webpWriterAvailable()) {
			assertThat(variants.contentType()).isEqualTo("image/webp");
			assertThat(PhotoProcessor.detect(b)).isEqualTo(PhotoProcessor.Kind.WEBP);
		}
		else {
			assertThat(variants.contentType()).isEqualTo("image/jpeg");
			assertThat(PhotoProcessor.detect(b)).isEqualTo(PhotoProcessor.Kind.JPEG);
		}
	}

	@Test
	void aCorruptImageIsRefused() {
		assertThatThrownBy(() -> this.processor.process(TestImages.corruptJpeg()))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.type()).isEqualTo("photo-corrupt"));
	}

}
