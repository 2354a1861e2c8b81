package kz.zhilyego.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import kz.zhilyego.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of the database and the media storage into a directory of its own,
 * {@code <root>/zhilyego-backup-<UTC time>}:
 * <ul>
 * <li>{@code db/} — a physical copy of the database cluster
 * ({@link PhysicalBackup});</li>
 * <li>{@code media/} — every stored file (local storage), or {@code media-objects.json} —
 * the bucket's object list with sizes and ETags (S3, whose own versioning or replication
 * keeps the bytes);</li>
 * <li>{@code manifest.json} — what is in it, with a SHA-256 of every file; written last,
 * so a directory without it is an unfinished backup.</li>
 * </ul>
 * Media files are listed before the database copy starts and again after it ends, and
 * every file seen either time is kept: a photo the database copy refers to is in the
 * backup even if it was deleted meanwhile.
 */
final class Backups {

	static final String PREFIX = "zhilyego-backup-";

	static final String MANIFEST = "manifest.json";

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Opens a superuser connection to the database to back up. */
	interface Database {

		Connection open() throws SQLException;

	}

	private final Database database;

	private final FileStorage storage;

	private final Clock clock;

	Backups(Database database, FileStorage storage, Clock clock) {
		this.database = database;
		this.storage = storage;
		this.clock = clock;
	}

	/** Makes a new backup under {@code root} and returns its directory. */
	Path create(Path root) {
		Instant started = this.clock.instant();
		Path target = root.resolve(PREFIX + NAME.format(started));
		Path partial = root.resolve(target.getFileName() + ".partial");
		try {
			Files.createDirectories(root);
			if (Files.exists(target) || Files.exists(partial)) {
				throw new IllegalStateException("A backup named " + target.getFileName() + " exists already");
			}
			Files.createDirectories(partial);
			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("format", 1);
			manifest.put("createdAt", started.toString());
			manifest.put("application", ZhilyeGoVersion.current());
			boolean local = this.storage.kind().equals("local");
			Map<String, String> mediaFiles = new TreeMap<>();
			long[] mediaBytes = { 0 };
			if (local) {
				copyMedia(partial.resolve("media"), mediaFiles, mediaBytes);
			}
			PhysicalBackup.Result db;
			try (Connection connection = this.database.open()) {
				db = PhysicalBackup.backup(connection, partial.resolve("db"));
			}
			Map<String, Object> database = new LinkedHashMap<>();
			database.put("startLsn", db.startLsn());
			database.put("stopLsn", db.stopLsn());
			database.put("walSegments", db.walSegments());
			database.put("bytes", db.bytes());
			database.put("files", db.files());
			manifest.put("database", database);
			Map<String, Object> media = new LinkedHashMap<>();
			media.put("storage", this.storage.kind());
			if (local) {
				copyMedia(partial.resolve("media"), mediaFiles, mediaBytes);
				media.put("bytes", mediaBytes[0]);
				media.put("files", mediaFiles);
			}
			else {
				List<FileStorage.Listed> objects;
				try (Stream<FileStorage.Listed> listed = this.storage.list()) {
					objects = listed.toList();
				}
				JSON.writerWithDefaultPrettyPrinter()
					.writeValue(partial.resolve("media-objects.json").toFile(), objects);
				media.put("objects", objects.size());
			}
			manifest.put("media", media);
			manifest.put("finishedAt", this.clock.instant().toString());
			JSON.writerWithDefaultPrettyPrinter().writeValue(partial.resolve(MANIFEST).toFile(), manifest);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			log.info("Backup {} made: database {} bytes ({} WAL segments), media {}", target, db.bytes(),
					db.walSegments().size(), local ? mediaFiles.size() + " files" : "object list");
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Backup into " + root + " failed", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Backup into " + root + " failed: " + ex.getMessage(), ex);
		}
	}

	/** Copies every stored file not copied yet. */
	private void copyMedia(Path target, Map<String, String> files, long[] bytes) throws IOException {
		List<FileStorage.Listed> listed;
		try (Stream<FileStorage.Listed> stream = this.storage.list()) {
			listed = stream.toList();
		}
		for (FileStorage.Listed file : listed) {
			if (files.containsKey(file.key())) {
				continue;
			}
			FileStorage.StoredFile stored = this.storage.get(file.key()).orElse(null);
			if (stored == null) {
				continue;
			}
			Path to = target.resolve(file.key());
			Files.createDirectories(to.getParent());
			MessageDigest digest = PhysicalBackup.sha256();
			try (InputStream in = stored.content();
					OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
				bytes[0] += in.transferTo(out);
			}
			files.put(file.key(), HexFormat.of().formatHex(digest.digest()));
		}
	}

	/**
	 * Deletes all but the {@code keep} newest finished backups under {@code root}, and
	 * any unfinished one older than the newest finished.
	 * @return the directories deleted
	 */
	static List<Path> prune(Path root, int keep) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<Path> finished;
		List<Path> unfinished;
		try (Stream<Path> entries = Files.list(root)) {
			List<Path> backups = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
			finished = backups.stream().filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).toList();
			unfinished = backups.stream().filter(p -> !Files.isRegularFile(p.resolve(MANIFEST))).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Path> deleted = new ArrayList<>();
		for (int i = 0; i < finished.size() - Math.max(keep, 1); i++) {
			deleteTree(finished.get(i));
			deleted.add(finished.get(i));
		}
		if (!finished.isEmpty()) {
			String newest = finished.get(finished.size() - 1).getFileName().toString();
			for (Path partial : unfinished) {
				if (partial.getFileName().toString().compareTo(newest) < 0) {
					deleteTree(partial);
					deleted.add(partial);
				}
			}
		}
		return deleted;
	}

	static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + root, ex);
		}
	}

}
