package kz.zhilyego.storage;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Where files live. Keys are relative, slash-separated paths made of {@code [a-z0-9._-]}
 * segments (for example {@code listings/12/photo-3-card.webp}); a key never escapes the
 * store.
 */
public interface FileStorage {

	void put(String key, byte[] content, String contentType);

	Optional<StoredFile> get(String key);

	boolean exists(String key);

	void delete(String key);

	/**
	 * Every stored file, in key order (for backups). The caller closes the stream.
	 */
	Stream<Listed> list();

	/** Throws when the store cannot be reached or written (for the health check). */
	void check();

	/** A short name of the kind of store, e.g. {@code local} or {@code s3}. */
	String kind();

	/** A stored file's bytes and type. */
	record StoredFile(String contentType, long size, InputStream content) {
	}

	/**
	 * A file in a listing; {@code etag} is the store's version tag where it has one.
	 */
	record Listed(String key, long size, @Nullable String etag) {
	}

}
