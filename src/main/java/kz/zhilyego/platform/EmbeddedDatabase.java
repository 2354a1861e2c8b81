package kz.zhilyego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the class path (io.zonky.test). Two
 * modes:
 * <ul>
 * <li><b>persistent</b> (dev run): data in a directory, kept between runs;</li>
 * <li><b>shared throwaway</b> (tests): one server per JVM, a fresh database per
 * application context, the server stopped when the last context closes.</li>
 * </ul>
 * Closed by Spring <em>after</em> the connection pool (the pool bean depends on this
 * one), and zonky's own shutdown hook is off, so the database never disappears under a
 * running scheduler.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final AtomicInteger databaseCounter = new AtomicInteger();

	private static @Nullable EmbeddedPostgres shared;

	private static int sharedUsers;

	private final EmbeddedPostgres server;

	private final boolean sharedServer;

	private final String jdbcUrl;

	private EmbeddedDatabase(EmbeddedPostgres server, boolean sharedServer, String database) {
		this.server = server;
		this.sharedServer = sharedServer;
		this.jdbcUrl = server.getJdbcUrl("postgres", database);
	}

	static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) {
		if (properties.persistent()) {
			Path dir = Path.of(properties.dataDir()).toAbsolutePath();
			EmbeddedPostgres server = startServer(dir, properties.port(), properties.serverConfig());
			createDatabaseIfMissing(server, properties.database());
			log.info("Embedded PostgreSQL with data in {} at {}", dir,
					server.getJdbcUrl("postgres", properties.database()));
			return new EmbeddedDatabase(server, false, properties.database());
		}
		synchronized (EmbeddedDatabase.class) {
			if (shared == null) {
				shared = startServer(null, 0, properties.serverConfig());
			}
			sharedUsers++;
			String database = "zhilyego_" + databaseCounter.incrementAndGet();
			createDatabaseIfMissing(shared, database);
			return new EmbeddedDatabase(shared, true, database);
		}
	}

	private static EmbeddedPostgres startServer(@Nullable Path dataDir, int port,
			@Nullable Map<String, String> serverConfig) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "300")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("encoding", "UTF8")
				.setPort(port);
			if (serverConfig != null) {
				serverConfig.forEach(builder::setServerConfig);
			}
			if (dataDir != null) {
				Files.createDirectories(dataDir);
				builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) {
		if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Invalid embedded database name: " + database);
		}
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the embedded database " + database, ex);
		}
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public void close() throws IOException {
		if (!this.sharedServer) {
			this.server.close();
			return;
		}
		synchronized (EmbeddedDatabase.class) {
			sharedUsers--;
			if (sharedUsers == 0 && shared != null) {
				shared.close();
				shared = null;
			}
		}
	}

}
