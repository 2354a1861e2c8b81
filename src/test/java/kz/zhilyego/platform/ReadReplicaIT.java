package kz.zhilyego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.catalog.ListingSearch;
import kz.zhilyego.catalog.ListingSearchCriteria;
import kz.zhilyego.catalog.ListingSummary;
import kz.zhilyego.catalog.SearchSort;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.IdentityFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads scaled out to a real streaming replica (ADR 0007): a second embedded PostgreSQL
 * made from a base backup of the test database's server (low-level API:
 * {@code pg_backup_start} / file copy / {@code pg_backup_stop}, then
 * {@code standby.signal} and {@code primary_conninfo}), and an app node with
 * {@code spring.datasource.replica.url}. Search reads the replica (a paused replay hides
 * a new listing from it), shows a new hold once replication catches up, every write and
 * hold goes to the primary, and a stopped replica falls back to the primary without
 * errors.
 */
@IntegrationTest
class ReadReplicaIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_wal",
			"pg_replslot", "pg_stat_tmp", "standby.signal", "backup_label", "tablespace_map");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	EmbeddedPostgres replica;

	ConfigurableApplicationContext node;

	@AfterEach
	void stop() throws IOException {
		if (this.node != null) {
			this.node.close();
		}
		if (this.replica != null) {
			this.replica.close();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from pg_replication_slots where active")
				.query(Long.class)
				.single() == 0);
		this.jdbc
			.sql("select pg_drop_replication_slot(slot_name) from pg_replication_slots"
					+ " where slot_name = 'zhilyego_test_replica' and not active")
			.query()
			.listOfRows();
	}

	@Test
	void searchReadsTheReplicaSeesHoldsOnceReplicatedAndFallsBackToThePrimary() throws Exception {
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long realtor = new IdentityFixtures(this.jdbc).realtor("replica@test.kz", null);
		long guest = new IdentityFixtures(this.jdbc).user("replica-guest@test.kz");
		long first = catalog.listing().owner(realtor).title("На реплике").create();
		this.replica = startReplica();
		String database = this.dataSource.getJdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
		this.node = TestApps.start(Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
				this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres", "spring.datasource.replica.url",
				"jdbc:postgresql://localhost:" + this.replica.getPort() + "/" + database,
				"spring.datasource.hikari.maximum-pool-size", 5, "spring.flyway.enabled", false),
				TestClockConfig.class);
		this.node.getBean(MutableClock.class).reset();
		ListingSearch search = this.node.getBean(ListingSearch.class);
		PlaceHold placeHold = this.node.getBean(PlaceHold.class);
		JdbcClient onReplica = JdbcClient.create(this.replica.getDatabase("postgres", database));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> free(search).contains(first));

		// search reads the replica: with its replay paused it does not see a new listing
		onReplica.sql("select pg_wal_replay_pause()").query().listOfRows();
		long second = catalog.listing().owner(realtor).title("Пока не на реплике").create();
		assertThat(free(search)).contains(first).doesNotContain(second);
		onReplica.sql("select pg_wal_replay_resume()").query().listOfRows();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> free(search).contains(second));

		// a hold goes to the primary (the replica refuses writes) and search shows it
		// once replication has caught up
		placeHold.place(BookingFixtures.request(first, DEC_10, DEC_10.plusDays(3)), guest, null);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !free(search).contains(first));

		// the replica stops: search answers from the primary, no error
		this.replica.close();
		this.replica = null;
		placeHold.place(BookingFixtures.request(second, DEC_10, DEC_10.plusDays(3)), guest, null);
		assertThat(free(search)).doesNotContain(first, second);
		assertThat(free(search)).doesNotContain(first, second);
	}

	private static List<Long> free(ListingSearch search) {
		return search
			.search(new ListingSearchCriteria("astana", List.of(), null, null, null, null,
					new Stay(DEC_10, DEC_10.plusDays(2)), null, null, null, List.of(), null, SearchSort.PRICE_ASC, 0,
					50), Language.RU)
			.items()
			.stream()
			.map(ListingSummary::id)
			.toList();
	}

	/**
	 * A hot standby of the test database's server: a base backup through the low-level
	 * API (the embedded binaries have no pg_basebackup) streaming from a physical slot.
	 */
	private EmbeddedPostgres startReplica() throws Exception {
		Path source = Path.of(this.jdbc.sql("show data_directory").query(String.class).single());
		int primaryPort = Integer.parseInt(this.dataSource.getJdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
		Path target = Files.createTempDirectory("zhilyego-replica");
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("select pg_create_physical_replication_slot('zhilyego_test_replica', true)");
			statement.execute("select pg_backup_start('zhilyego-test-replica', true)");
			copy(source, target);
			try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
				stop.next();
				Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
				String map = stop.getString("spcmapfile");
				if (map != null && !map.isEmpty()) {
					Files.writeString(target.resolve("tablespace_map"), map);
				}
			}
		}
		Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
		Files.createDirectories(target.resolve("pg_replslot"));
		Files.createDirectories(target.resolve("pg_stat_tmp"));
		Files.writeString(target.resolve("standby.signal"), "");
		Files.writeString(target.resolve("postgresql.auto.conf"), """

				primary_conninfo = 'host=localhost port=%d user=postgres application_name=zhilyego_test_replica'
				primary_slot_name = 'zhilyego_test_replica'
				""".formatted(primaryPort), StandardOpenOption.APPEND);
		return EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "300")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("hot_standby", "on")
			.setDataDirectory(target)
			.setCleanDataDirectory(false)
			.setPort(freePort())
			.start();
	}

	private static void copy(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			files.forEach(file -> {
				Path relative = source.relativize(file);
				if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
					return;
				}
				try {
					Path to = target.resolve(relative.toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(to);
					}
					else if (Files.isRegularFile(file)) {
						Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (java.nio.file.NoSuchFileException gone) {
					// a file removed while copying (temporary files): the WAL replay
					// after the backup restores what matters
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
