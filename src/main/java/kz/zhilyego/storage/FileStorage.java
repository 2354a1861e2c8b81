package kz.zhilyego.storage;

import java.io.InputStream;
import java.util.Optional;

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

	/** A stored file's bytes and type. */
	record StoredFile(String contentType, long size, InputStream content) {
	}

}
