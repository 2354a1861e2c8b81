package kz.zhilyego.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import kz.zhilyego.storage.FileStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo listings' placeholder photos are WebP, like the realtors' photos, and are
 * drawn and stored once.
 */
class PlaceholderPhotosTest {

	@Test
	void placeholdersAreStoredOnceAsWebp() throws IOException {
		MemoryStorage storage = new MemoryStorage();
		List<String> keys = PlaceholderPhotos.ensure(storage);

		assertThat(keys).hasSize(12).allMatch(key -> key.matches("demo/photo-\\d+\\.webp"));
		for (String key : keys) {
			Stored stored = storage.files.get(key);
			assertThat(stored.contentType()).isEqualTo("image/webp");
			byte[] bytes = stored.bytes();
			assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
			assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(image.getWidth()).isEqualTo(960);
			assertThat(image.getHeight()).isEqualTo(640);
		}
		assertThat(storage.files.values().stream().mapToInt(s -> s.bytes().length).max().orElseThrow())
			.as("a lossy placeholder stays small")
			.isLessThan(60_000);

		int puts = storage.puts;
		assertThat(PlaceholderPhotos.ensure(storage)).isEqualTo(keys);
		assertThat(storage.puts).as("stored once").isEqualTo(puts);
	}

	record Stored(byte[] bytes, String contentType) {
	}

	static final class MemoryStorage implements FileStorage {

		final Map<String, Stored> files = new TreeMap<>();

		int puts;

		@Override
		public void put(String key, byte[] content, String contentType) {
			this.files.put(key, new Stored(content, contentType));
			this.puts++;
		}

		@Override
		public Optional<StoredFile> get(String key) {
			return Optional.ofNullable(this.files.get(key))
				.map(s -> new StoredFile(s.contentType(), s.bytes().length, new ByteArrayInputStream(s.bytes())));
		}

		@Override
		public boolean exists(String key) {
			return this.files.containsKey(key);
		}

		@Override
		public void delete(String key) {
			this.files.remove(key);
		}

		@Override
		public Stream<Listed> list() {
			return this.files.entrySet().stream().map(e -> new Listed(e.getKey(), e.getValue().bytes().length, null));
		}

		@Override
		public void check() {
		}

		@Override
		public String kind() {
			return "memory";
		}

	}

}
