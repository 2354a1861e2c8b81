package kz.zhilyego.realtor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The photo form as a phone user meets it: a big photo (over the old 7 MB limit) is taken
 * and downscaled; a HEIC photo and one over the limit are explained inline on the form,
 * in the page's language; the form says the limit before anyone uploads.
 */
@IntegrationTest
class PhotoUploadPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		long realtor = new IdentityFixtures(this.jdbc).realtor("photos@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Квартира с фото").create();
	}

	@Test
	void aFourteenMegabytePhoneJpegIsAcceptedAndStoredDownscaled() throws IOException {
		byte[] big = noisyJpeg(6000, 4000);
		assertThat(big.length).as("bigger than the old 7 MB limit").isGreaterThan(14 * 1024 * 1024);
		WebSession web = signIn();
		Document form = Jsoup.parse(web.get(edit()).body());
		assertThat(form.select("label[for=files]").text()).contains("до 6 шт.", "до 25 МБ");

		HttpResponse<String> done = web.postFiles(photos(), "files", Map.of("phone.jpg", big));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/edit?photos");
		Map<String, Object> stored = this.jdbc.sql("select width, height from listing_photos where listing_id = :id")
			.param("id", this.listing)
			.query()
			.singleRow();
		assertThat(((Number) stored.get("width")).intValue()).isLessThanOrEqualTo(1920);
		assertThat(((Number) stored.get("height")).intValue()).isLessThanOrEqualTo(1280);
	}

	@Test
	void aHeicPhotoIsExplainedInlineOnTheForm() {
		WebSession web = signIn();
		web.get(edit());
		byte[] heic = new byte[4096];
		byte[] header = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
				'i', 'c' };
		System.arraycopy(header, 0, heic, 0, header.length);

		HttpResponse<String> answer = web.postFiles(photos(), "files", Map.of("IMG_0001.HEIC", heic));
		assertThat(answer.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select("#photos [role=alert]").text()).startsWith("Фото в формате HEIC не поддерживается")
			.contains("JPEG");
		assertThat(page.select("form[action$=/photos] input[type=file]")).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from listing_photos").query(Long.class).single()).isZero();
	}

	@Test
	void aPhotoOverTheLimitIsExplainedInlineWithTheLimit() {
		WebSession web = signIn();
		web.get(edit());
		byte[] huge = new byte[26 * 1024 * 1024];
		byte[] jpeg = TestImages.jpeg(100, 100);
		System.arraycopy(jpeg, 0, huge, 0, jpeg.length);

		HttpResponse<String> answer = web.postFiles(photos(), "files", Map.of("huge.jpg", huge));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(answer.body()).select("#photos [role=alert]").text())
			.isEqualTo("Фото больше 25 МБ. Уменьшите его или сохраните с меньшим качеством.");
	}

	@Test
	void anUploadOverTheRequestLimitIsAStyledPageThatSaysTheLimit() {
		WebSession web = signIn();
		web.get(edit());
		byte[] enormous = new byte[31 * 1024 * 1024];

		HttpResponse<String> answer = web.postFiles(photos(), "files", Map.of("enormous.jpg", enormous));
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select("main[data-error=413]")).hasSize(1);
		assertThat(page.select("main").text()).contains("не больше 30 МБ");
	}

	private WebSession signIn() {
		return new WebSession(this.port).signIn("photos@test.kz", IdentityFixtures.PASSWORD);
	}

	private String edit() {
		return "/realtor/listings/" + this.listing + "/edit";
	}

	private String photos() {
		return "/realtor/listings/" + this.listing + "/photos";
	}

	/** Noise compresses badly: a phone-sized JPEG of many megabytes. */
	private static byte[] noisyJpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		SplittableRandom random = new SplittableRandom(13);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.9f);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
