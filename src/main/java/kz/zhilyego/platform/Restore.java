package kz.zhilyego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a backup made by {@link Backups} into a fresh data directory (and media
 * directory): checks every file against the manifest's checksum first, copies, then
 * starts PostgreSQL on the copy once — it replays the backup's WAL and comes up
 * consistent — and lists its databases before stopping it again. The app then runs on the
 * restored directory like on any other.
 */
final class Restore {

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Restore() {
	}

	/** The databases found in the restored cluster, and the files restored. */
	record Result(List<String> databases, int databaseFiles, int mediaFiles) {
	}

	static Result restore(Path backup, Path dataDir, @Nullable Path mediaDir) {
		try {
			Path manifestFile = backup.resolve(Backups.MANIFEST);
			if (!Files.isRegularFile(manifestFile)) {
				throw new IllegalArgumentException(backup + " is not a finished backup (no " + Backups.MANIFEST + ")");
			}
			JsonNode manifest = JSON.readTree(manifestFile.toFile());
			Map<String, String> dbFiles = checksums(manifest.path("database").path("files"));
			Map<String, String> mediaFiles = checksums(manifest.path("media").path("files"));
			verify(backup.resolve("db"), dbFiles);
			verify(backup.resolve("media"), mediaFiles);
			requireFresh(dataDir);
			if (mediaDir != null && !mediaFiles.isEmpty()) {
				requireFresh(mediaDir);
			}
			copyTree(backup.resolve("db"), dataDir);
			Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
			if (mediaDir != null && !mediaFiles.isEmpty()) {
				copyTree(backup.resolve("media"), mediaDir);
			}
			List<String> databases = startOnce(dataDir);
			log.info("Backup {} restored into {} ({} databases), media into {}", backup, dataDir, databases.size(),
					mediaDir);
			return new Result(databases, dbFiles.size(), mediaFiles.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Restore of " + backup + " failed", ex);
		}
	}

	private static List<String> startOnce(Path dataDir) throws IOException {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofMinutes(5))
			.start();
				Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select datname from pg_database where not datistemplate order by datname")) {
			List<String> databases = new ArrayList<>();
			while (rs.next()) {
				databases.add(rs.getString(1));
			}
			return databases;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The restored database did not start: " + ex.getMessage(), ex);
		}
	}

	private static Map<String, String> checksums(JsonNode files) {
		Map<String, String> result = new java.util.TreeMap<>();
		files.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asString()));
		return result;
	}

	private static void verify(Path dir, Map<String, String> expected) {
		for (Map.Entry<String, String> file : expected.entrySet()) {
			Path path = dir.resolve(file.getKey());
			if (!Files.isRegularFile(path) || !PhysicalBackup.sha256(path).equals(file.getValue())) {
				throw new IllegalStateException("Backup file " + path + " is missing or damaged");
			}
		}
	}

	private static void requireFresh(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalArgumentException("Restore needs a fresh directory; " + dir + " is not empty");
				}
			}
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

}
