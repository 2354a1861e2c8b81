package kz.zhilyego.realtor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

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
	void aPortraitPhoneShotIsTurnedUprightByItsExifOrientationBeforeTheExifIsDropped() throws Exception {
		byte[] upload = TestImages.jpegWithOrientation(400, 200, 6);
		assertThat(PhotoProcessor.orientation(upload)).isEqualTo(6);
		BufferedImage raw = ImageIO.read(new ByteArrayInputStream(upload));
		assertThat(raw.getWidth()).isEqualTo(400);
		assertThat(raw.getHeight()).isEqualTo(200);

		PhotoProcessor.Variants variants = this.processor.process(upload);
		assertThat(variants.full().width()).isEqualTo(200);
		assertThat(variants.full().height()).isEqualTo(400);
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(variants.full().bytes()));
		if (stored != null) {
			assertThat(stored.getWidth()).isEqualTo(200);
			assertThat(stored.getHeight()).isEqualTo(400);
			// turned a quarter clockwise: the stored top-left red corner is now top right
			assertThat(red(stored.getRGB(190, 10))).isGreaterThan(200);
			assertThat(red(stored.getRGB(10, 10))).isLessThan(60);
		}
		assertThat(PhotoProcessor.orientation(variants.full().bytes())).isEqualTo(1);
		assertThat(PhotoProcessor.orientation(TestImages.jpeg(10, 10))).isEqualTo(1);
	}

	@Test
	void everyExifOrientationMapsTheStoredTopLeftCornerToWhereTheCameraMeantIt() {
		BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xFF0000);
		// where the stored top-left pixel ends up, per orientation (x, y) and the new
		// size
		int[][] expected = { {}, { 0, 0, 4, 2 }, { 3, 0, 4, 2 }, { 3, 1, 4, 2 }, { 0, 1, 4, 2 }, { 0, 0, 2, 4 },
				{ 1, 0, 2, 4 }, { 1, 3, 2, 4 }, { 0, 3, 2, 4 } };
		for (int orientation = 1; orientation <= 8; orientation++) {
			BufferedImage turned = PhotoProcessor.orient(image, orientation);
			int[] e = expected[orientation];
			assertThat(turned.getWidth()).as("orientation %d", orientation).isEqualTo(e[2]);
			assertThat(turned.getHeight()).as("orientation %d", orientation).isEqualTo(e[3]);
			assertThat(turned.getRGB(e[0], e[1]) & 0xFFFFFF).as("orientation %d", orientation).isEqualTo(0xFF0000);
		}
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xff;
	}

	@Test
	void aCorruptImageIsRefused() {
		assertThatThrownBy(() -> this.processor.process(TestImages.corruptJpeg()))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.type()).isEqualTo("photo-corrupt"));
	}

}
