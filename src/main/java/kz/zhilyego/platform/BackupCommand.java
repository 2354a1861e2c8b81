package kz.zhilyego.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import kz.zhilyego.storage.FileStorage;
import kz.zhilyego.storage.S3StorageProperties;
import kz.zhilyego.storage.StorageProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The backup commands, run from the application jar with the app's own configuration (the
 * same {@code application.yml}, profiles and environment variables):
 *
 * <pre>
 * java -jar zhilyego.jar backup  [--to=DIR]
 * java -jar zhilyego.jar restore --from=BACKUP_DIR [--data-dir=NEW_DATA_DIR] [--media-dir=NEW_MEDIA_DIR]
 * </pre>
 *
 * {@code backup} copies the embedded database online — from the running app's server when
 * it runs (found through {@code postmaster.pid}), else from a server it starts on the
 * data directory for the purpose — or an external server whose data directory is readable
 * here, plus the media storage, into {@code DIR} (default {@code zhilyego.backup.dir}).
 * {@code restore} puts a backup into a fresh data directory and media directory
 * (defaults: the configured ones, which must then be empty) and starts PostgreSQL on it
 * once to check it. See docs/operations.md.
 */
public final class BackupCommand {

	private BackupCommand() {
	}

	/** Whether the command line asks for a backup command rather than the app. */
	public static boolean handles(String[] args) {
		return args.length > 0 && List.of("backup", "restore").contains(args[0]);
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args) {
		SpringApplication application = new SpringApplication(Storage.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		String[] options = Arrays.copyOfRange(args, 1, args.length);
		try (ConfigurableApplicationContext context = application.run(options)) {
			Environment environment = context.getEnvironment();
			if (args[0].equals("backup")) {
				Path made = backup(environment, context.getBean(FileStorage.class));
				System.out.println("Backup made: " + made.toAbsolutePath());
			}
			else {
				String from = environment.getProperty("from");
				if (!StringUtils.hasText(from)) {
					System.err.println("Usage: restore --from=BACKUP_DIR [--data-dir=DIR] [--media-dir=DIR]");
					return 2;
				}
				Path dataDir = Path.of(environment.getProperty("data-dir",
						environment.getProperty("zhilyego.embedded-db.data-dir", "./data/postgres")));
				String mediaDir = environment.getProperty("media-dir",
						environment.getProperty("zhilyego.storage.local-dir", "./data/media"));
				Restore.Result result = Restore.restore(Path.of(from), dataDir, Path.of(mediaDir));
				System.out.println("Restored into " + dataDir.toAbsolutePath() + " (databases " + result.databases()
						+ ", " + result.mediaFiles() + " media files into " + Path.of(mediaDir).toAbsolutePath()
						+ "). Start the app with ZHILYEGO_EMBEDDED_DB_DATA_DIR=" + dataDir.toAbsolutePath());
			}
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println(args[0] + " failed: " + ex.getMessage());
			return 1;
		}
	}

	static Path backup(Environment environment, FileStorage storage) {
		Path root = Path
			.of(environment.getProperty("to", environment.getProperty("zhilyego.backup.dir", "./data/backups")));
		String url = environment.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			String user = environment.getProperty("spring.datasource.username");
			String password = environment.getProperty("spring.datasource.password");
			return new Backups(() -> DriverManager.getConnection(url, user, password), storage, Clock.systemUTC())
				.create(root);
		}
		EmbeddedDatabaseProperties properties = Binder.get(environment)
			.bind("zhilyego.embedded-db", EmbeddedDatabaseProperties.class)
			.orElseThrow(() -> new IllegalStateException("No database configured"));
		if (!properties.persistent()) {
			throw new IllegalStateException(
					"zhilyego.embedded-db.data-dir is empty: a throwaway database has no backup");
		}
		Integer port = runningPort(Path.of(properties.dataDir()));
		if (port != null) {
			String running = "jdbc:postgresql://localhost:" + port + "/postgres";
			return new Backups(() -> DriverManager.getConnection(running, "postgres", null), storage, Clock.systemUTC())
				.create(root);
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(properties)) {
			return new Backups(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", null), storage,
					Clock.systemUTC())
				.create(root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not stop the database started for the backup", ex);
		}
	}

	/** The port of a server running on {@code dataDir}, from its postmaster.pid. */
	static @Nullable Integer runningPort(Path dataDir) {
		Path pid = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pid)) {
			return null;
		}
		try {
			List<String> lines = Files.readAllLines(pid);
			int port = Integer.parseInt(lines.get(3).strip());
			try (Socket probe = new Socket("localhost", port)) {
				return port;
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Just the media storage, bound from the app's configuration. */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = FileStorage.class, useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = FileStorage.class))
	@EnableConfigurationProperties({ S3StorageProperties.class, StorageProperties.class })
	static class Storage {

	}

}
