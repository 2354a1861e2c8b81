package kz.zhilyego.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A consistent physical backup of a running PostgreSQL server through its own low-level
 * API — the method pg_basebackup, pgBackRest and Barman build on, for a server whose data
 * directory this process can read (the embedded one; an external server on the same
 * host). On one connection: a temporary replication slot keeps the WAL from being
 * recycled, {@code pg_backup_start} checkpoints and marks the start, the data directory
 * is copied while the server keeps running, {@code pg_backup_stop} marks the end (and
 * switches to a new WAL segment) and returns the {@code backup_label}, and the WAL
 * segments from start to stop are copied into the copy's {@code pg_wal}. Started on the
 * copy, PostgreSQL replays that WAL and comes up consistent as of the end of the backup.
 */
final class PhysicalBackup {

	/**
	 * Left out of the copy (PostgreSQL's documented list, plus the embedded lock file).
	 */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"pg_internal.init", "backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old");

	/** Directories copied empty. */
	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private PhysicalBackup() {
	}

	/** What was copied: files (relative path → SHA-256) and the WAL range. */
	record Result(Map<String, String> files, long bytes, String startLsn, String stopLsn, List<String> walSegments) {
	}

	/**
	 * Backs up the server behind {@code connection} (a superuser session) into
	 * {@code target}, which must not exist yet.
	 */
	static Result backup(Connection connection, Path target) throws SQLException, IOException {
		Path dataDir = Path.of(single(connection, "select setting from pg_settings where name = 'data_directory'"));
		if (!Files.isReadable(dataDir.resolve("PG_VERSION"))) {
			throw new IllegalStateException("The database's data directory " + dataDir
					+ " cannot be read from here: back up this server with its own tools (docs/operations.md)");
		}
		connection.setAutoCommit(true);
		String slot = "zhilyego_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (PreparedStatement create = connection
			.prepareStatement("select pg_create_physical_replication_slot(?, true, true)")) {
			create.setString(1, slot);
			create.execute();
		}
		String startLsn;
		try (PreparedStatement start = connection.prepareStatement("select pg_backup_start(?, true)::text")) {
			start.setString(1, "zhilyego " + target.getFileName());
			try (ResultSet rs = start.executeQuery()) {
				rs.next();
				startLsn = rs.getString(1);
			}
		}
		Map<String, String> files = new TreeMap<>();
		long[] bytes = { 0 };
		String stopLsn;
		String label;
		String tablespaceMap;
		try {
			Files.createDirectories(target);
			copyDataDirectory(dataDir, target, files, bytes);
		}
		finally {
			try (Statement stop = connection.createStatement();
					ResultSet rs = stop.executeQuery(
							"select lsn::text, labelfile, spcmapfile from pg_backup_stop(wait_for_archive => false)")) {
				rs.next();
				stopLsn = rs.getString(1);
				label = rs.getString(2);
				tablespaceMap = rs.getString(3);
			}
		}
		write(target.resolve("backup_label"), label, files, bytes);
		if (tablespaceMap != null && !tablespaceMap.isBlank()) {
			write(target.resolve("tablespace_map"), tablespaceMap, files, bytes);
		}
		List<String> segments = copyWal(connection, dataDir.resolve("pg_wal"), target.resolve("pg_wal"), startLsn,
				stopLsn, files, bytes);
		try (PreparedStatement drop = connection.prepareStatement("select pg_drop_replication_slot(?)")) {
			drop.setString(1, slot);
			drop.execute();
		}
		return new Result(files, bytes[0], startLsn, stopLsn, segments);
	}

	private static void copyDataDirectory(Path dataDir, Path target, Map<String, String> files, long[] bytes)
			throws IOException {
		Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Path relative = dataDir.relativize(dir);
				Files.createDirectories(target.resolve(relative.toString()));
				if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
					if (relative.toString().equals("pg_wal")) {
						Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				if (dir.getFileName() != null && dir.getFileName().toString().startsWith("pgsql_tmp")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (!attrs.isRegularFile() || SKIPPED_FILES.contains(file.getFileName().toString())) {
					return FileVisitResult.CONTINUE;
				}
				String relative = dataDir.relativize(file).toString();
				copy(file, target.resolve(relative), relative, files, bytes);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					// dropped by the server while we copied: the WAL replay recreates
					// what is
					// needed
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}
		});
	}

	private static List<String> copyWal(Connection connection, Path walDir, Path target, String startLsn,
			String stopLsn, Map<String, String> files, long[] bytes) throws SQLException, IOException {
		String first = walFile(connection, startLsn);
		String last = walFile(connection, stopLsn);
		String timeline = first.substring(0, 8);
		List<String> segments;
		try (Stream<Path> wal = Files.list(walDir)) {
			segments = wal.map(path -> path.getFileName().toString())
				.filter(name -> name.matches("[0-9A-F]{24}") && name.startsWith(timeline) && name.compareTo(first) >= 0
						&& name.compareTo(last) <= 0)
				.sorted()
				.toList();
		}
		long expected = segmentNumber(last) - segmentNumber(first) + 1;
		if (segments.size() != expected || !segments.get(0).equals(first)) {
			throw new IllegalStateException("WAL from " + first + " to " + last + " is incomplete: " + segments);
		}
		for (String segment : segments) {
			copy(walDir.resolve(segment), target.resolve(segment), "pg_wal/" + segment, files, bytes);
		}
		try (Stream<Path> wal = Files.list(walDir)) {
			for (Path history : wal.filter(path -> path.getFileName().toString().endsWith(".history")).toList()) {
				String name = history.getFileName().toString();
				copy(history, target.resolve(name), "pg_wal/" + name, files, bytes);
			}
		}
		return segments;
	}

	private static long segmentNumber(String walFile) {
		long log = Long.parseLong(walFile.substring(8, 16), 16);
		long segment = Long.parseLong(walFile.substring(16, 24), 16);
		return (log << 32) + segment;
	}

	private static String walFile(Connection connection, String lsn) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_walfile_name(?::pg_lsn)")) {
			statement.setString(1, lsn);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void write(Path file, String content, Map<String, String> files, long[] bytes) throws IOException {
		byte[] data = content.getBytes(StandardCharsets.UTF_8);
		Files.write(file, data);
		files.put(file.getFileName().toString(), sha256(data));
		bytes[0] += data.length;
	}

	/** Copies one file, recording its checksum; a file that vanished is skipped. */
	static void copy(Path from, Path to, String name, Map<String, String> files, long[] bytes) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = Files.newInputStream(from);
				OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
			bytes[0] += in.transferTo(out);
		}
		catch (NoSuchFileException vanished) {
			Files.deleteIfExists(to);
			return;
		}
		files.put(name, HexFormat.of().formatHex(digest.digest()));
	}

	static String sha256(Path file) {
		MessageDigest digest = sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String sha256(byte[] data) {
		return HexFormat.of().formatHex(sha256().digest(data));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
