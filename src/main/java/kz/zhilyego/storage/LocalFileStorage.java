package kz.zhilyego.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Files in a local directory ({@code zhilyego.storage.local-dir}); the default
 * ({@code zhilyego.storage.type=local}). Writes go to a temporary file first and are
 * moved into place, so a reader never sees half a file.
 */
@Component
@ConditionalOnProperty(name = "zhilyego.storage.type", havingValue = "local", matchIfMissing = true)
class LocalFileStorage implements FileStorage {

	private final Path root;

	LocalFileStorage(StorageProperties properties) {
		this.root = properties.localDir().toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			Files.write(temp, content);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store " + key, ex);
		}
	}

	@Override
	public Optional<StoredFile> get(String key) {
		if (!StorageKeys.isValid(key)) {
			return Optional.empty();
		}
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new StoredFile(ContentTypes.byName(key), Files.size(file), Files.newInputStream(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + key, ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return StorageKeys.isValid(key) && Files.isRegularFile(resolve(key));
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + key, ex);
		}
	}

	@Override
	public Stream<Listed> list() {
		if (!Files.isDirectory(this.root)) {
			return Stream.empty();
		}
		try {
			return Files.walk(this.root)
				.filter(Files::isRegularFile)
				.map(file -> this.root.relativize(file).toString().replace('\\', '/'))
				.filter(StorageKeys::isValid)
				.sorted()
				.map(key -> new Listed(key, size(resolve(key)), null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + this.root, ex);
		}
	}

	@Override
	public void check() {
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Media directory unusable", ex);
		}
		if (!Files.isWritable(this.root)) {
			throw new IllegalStateException("Media directory is not writable");
		}
	}

	@Override
	public String kind() {
		return "local";
	}

	/** The directory the files live in. */
	Path root() {
		return this.root;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(StorageKeys.require(key)).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Invalid storage key");
		}
		return path;
	}

}
