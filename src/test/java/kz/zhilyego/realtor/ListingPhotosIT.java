package kz.zhilyego.realtor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photo uploads over HTTP: variants stored and served, order and main photo; every bad
 * upload is a clear 4xx and stores nothing (no row, no file).
 */
@IntegrationTest
class ListingPhotosIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Value("${zhilyego.storage.local-dir}")
	Path media;

	IdentityFixtures identity;

	long realtor;

	long listing;

	@BeforeEach
	void setUp() throws IOException {
		TestDatabase.reset(this.jdbc);
		// listing ids restart after the reset: files of earlier tests must not count
		Path listings = this.media.resolve("listings");
		if (Files.isDirectory(listings)) {
			try (var walk = Files.walk(listings)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		this.identity = new IdentityFixtures(this.context);
		this.realtor = this.identity.realtor("ph-realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).create();
	}

	@Test
	void anUploadStoresThreeVariantsServedUnderMediaAndTheFirstBecomesMain() throws Exception {
		HttpResponse<String> response = upload(this.listing, this.realtor, "en",
				new Part("room.jpg", TestImages.jpegWithExif(2000, 1500)),
				new Part("plan.png", TestImages.png(600, 400)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode photos = JsonMapper.builder().build().readTree(response.body());
		assertThat(photos).hasSize(2);
		assertThat(photos.get(0).get("main").asBoolean()).isTrue();
		assertThat(photos.get(1).get("main").asBoolean()).isFalse();
		assertThat(photos.get(0).get("width").asInt()).isEqualTo(1920);
		for (String variant : List.of("thumbnailUrl", "cardUrl", "fullUrl")) {
			HttpResponse<byte[]> file = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + photos.get(0).get(variant).asString())).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS-SECRET");
		}
		JsonNode card = new Api(this.port).get("/api/v1/listings/" + this.listing).json();
		assertThat(card.get("photos").get(0).get("url").asString()).isEqualTo(photos.get(0).get("cardUrl").asString());
		Api api = api();
		long first = photos.get(0).get("id").asLong();
		long second = photos.get(1).get("id").asLong();
		JsonNode reordered = api
			.put("/api/v1/realtor/listings/" + this.listing + "/photos/order",
					Map.of("photoIds", List.of(second, first)))
			.json();
		assertThat(reordered.get(0).get("id").asLong()).isEqualTo(second);
		JsonNode main = api.post("/api/v1/realtor/listings/" + this.listing + "/photos/" + second + "/main", "").json();
		assertThat(main.get(0).get("main").asBoolean()).isTrue();
		assertThat(main.get(1).get("main").asBoolean()).isFalse();
		assertThat(api.delete("/api/v1/realtor/listings/" + this.listing + "/photos/" + second).status())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("select main from listing_photos where listing_id = :l")
			.param("l", this.listing)
			.query(Boolean.class)
			.list()).containsExactly(true);
		assertThat(files()).hasSize(3);
	}

	@Test
	void aPhotoShotInPortraitIsStoredUprightByItsExifOrientation() throws Exception {
		byte[] upload = TestImages.jpegWithOrientation(800, 600, 6);
		HttpResponse<String> response = upload(this.listing, this.realtor, "en", new Part("portrait.jpg", upload));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode photo = JsonMapper.builder().build().readTree(response.body()).get(0);
		assertThat(photo.get("width").asInt()).isEqualTo(600);
		assertThat(photo.get("height").asInt()).isEqualTo(800);
		HttpResponse<byte[]> file = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + photo.get("fullUrl").asString())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.body()));
		assertThat(stored).isNotNull();
		assertThat(stored.getWidth()).isEqualTo(600);
		assertThat(stored.getHeight()).isEqualTo(800);
		assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
	}

	@Test
	void aNonImageNamedLikeAJpegIsRefusedAndNothingIsStored() throws Exception {
		HttpResponse<String> response = upload(this.listing, this.realtor, "en",
				new Part("photo.jpg", "<?php echo 'hi'; ?>".getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("photo-unsupported-type").contains("JPEG, PNG or WebP");
		assertNothingStored();
	}

	@Test
	void aGifRenamedToPngIsRefused() throws Exception {
		HttpResponse<String> response = upload(this.listing, this.realtor, "ru",
				new Part("photo.png", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("JPEG, PNG или WebP");
		assertNothingStored();
	}

	@Test
	void anOversizePhotoIsRefused() throws Exception {
		byte[] big = TestImages.jpeg(64, 64);
		byte[] padded = new byte[25 * 1024 * 1024 + 10];
		System.arraycopy(big, 0, padded, 0, big.length);
		HttpResponse<String> response = upload(this.listing, this.realtor, "en", new Part("big.jpg", padded));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("photo-too-large").contains("25 MB");
		assertNothingStored();
	}

	@Test
	void aCorruptImageIsRefused() throws Exception {
		HttpResponse<String> response = upload(this.listing, this.realtor, "en",
				new Part("broken.jpg", TestImages.corruptJpeg()));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("photo-corrupt").contains("damaged");
		assertNothingStored();
	}

	@Test
	void oneBadFileAmongGoodOnesStoresNone() throws Exception {
		HttpResponse<String> response = upload(this.listing, this.realtor, "en",
				new Part("a.jpg", TestImages.jpeg(300, 200)), new Part("b.jpg", TestImages.corruptJpeg()));
		assertThat(response.statusCode()).isEqualTo(422);
		assertNothingStored();
	}

	@Test
	void aSeventhPhotoIsRefused() throws Exception {
		Part[] six = new Part[6];
		for (int i = 0; i < 6; i++) {
			six[i] = new Part("p" + i + ".jpg", TestImages.jpeg(200 + i, 100));
		}
		assertThat(upload(this.listing, this.realtor, "en", six).statusCode()).isEqualTo(201);
		HttpResponse<String> seventh = upload(this.listing, this.realtor, "en",
				new Part("p7.jpg", TestImages.jpeg(300, 100)));
		assertThat(seventh.statusCode()).isEqualTo(409);
		assertThat(seventh.body()).contains("photo-limit").contains("at most 6 photos");
		assertThat(this.jdbc.sql("select count(*) from listing_photos").query(Long.class).single()).isEqualTo(6);
		assertThat(files()).hasSize(18);
	}

	@Test
	void anotherRealtorCannotUploadOrDelete() throws Exception {
		long other = this.identity.realtor("ph-other@test.kz", null);
		assertThat(upload(this.listing, other, "en", new Part("a.jpg", TestImages.jpeg(100, 100))).statusCode())
			.isEqualTo(404);
		assertNothingStored();
	}

	private void assertNothingStored() throws IOException {
		assertThat(this.jdbc.sql("select count(*) from listing_photos").query(Long.class).single()).isZero();
		assertThat(files()).isEmpty();
	}

	private List<Path> files() throws IOException {
		Path dir = this.media.resolve("listings").resolve(String.valueOf(this.listing));
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (var stream = Files.list(dir)) {
			return stream.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
		}
	}

	record Part(String name, byte[] bytes) {
	}

	private HttpResponse<String> upload(long listingId, long userId, String language, Part... parts)
			throws IOException, InterruptedException {
		String boundary = "----zhilyego" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ part.name() + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.bytes());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/realtor/listings/" + listingId + "/photos"))
				.header("Authorization", this.identity.bearer(userId))
				.header("Accept-Language", language)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private Api api() {
		return new Api(this.port).with("Authorization", this.identity.bearer(this.realtor));
	}

}
