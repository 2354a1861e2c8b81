package kz.zhilyego.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.TestApps;
import kz.zhilyego.catalog.CatalogGenerator;
import kz.zhilyego.catalog.ListingPaths;
import kz.zhilyego.catalog.SearchSql;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.internal.Tokens;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ЖильеГО benchmark (docs/benchmarks.md): starts the app in-process on an embedded
 * PostgreSQL in a fresh temporary directory (or on {@code -Dbench.db-url}), generates
 * listings and bookings, then measures search (HTTP and the same SQL over JDBC),
 * contention on one listing, hold throughput (HTTP and raw JDBC), the listing page and
 * start-up/memory of a separate app process, plus the long reliability scenarios. Prints
 * a table and writes JSON. Everything is bounded and talks to 127.0.0.1 only.
 */
public final class Benchmark {

	static final String JWT_SECRET = "bench-only-jwt-secret-0123456789abcdefghijklmnop";

	static final String CRYPTO_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final List<String[]> table = new ArrayList<>();

	private final int listings = Integer.getInteger("bench.listings", 100_000);

	private final long bookings = Long.getLong("bench.bookings", 1_000_000);

	private final int[] levels = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
		.map(String::trim)
		.mapToInt(Integer::parseInt)
		.toArray();

	private final double duration = Double.parseDouble(System.getProperty("bench.duration", "15"));

	private final int contenders = Integer.getInteger("bench.contenders", 200);

	private final long seed = Long.getLong("bench.seed", 20261122L);

	private final Path out = Path.of(System.getProperty("bench.out", "target/bench/results.json"));

	private final String dbUrl = System.getProperty("bench.db-url", "");

	private final int holdsRounds = Integer.getInteger("bench.holds-rounds", 1);

	/**
	 * Alternating HTTP / raw SQL windows per search level ({@code bench.duration} split
	 * between them).
	 */
	private final int searchRounds = Math.max(1, Integer.getInteger("bench.search-rounds", 3));

	private final int holdsWarmup = Integer.getInteger("bench.holds-warmup", 2000);

	private final String jfr = System.getProperty("bench.jfr", "");

	private final boolean pgStats = Boolean.getBoolean("bench.pg-stats");

	private final Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", "all").split(","));

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private ConfigurableApplicationContext app;

	private String base;

	private String jdbcUrl;

	private JdbcClient jdbc;

	private LocalDate today;

	private List<Long> listingIds;

	private List<Long> guests;

	public static void main(String[] args) throws Exception {
		int status = 0;
		Benchmark benchmark = new Benchmark();
		try {
			benchmark.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			benchmark.close();
		}
		System.exit(status);
	}

	private boolean wants(String scenario) {
		return this.scenarios.contains("all") || this.scenarios.contains(scenario);
	}

	void run() throws Exception {
		this.results.put("machine", Machine.describe());
		this.results.put("sizes", Map.of("listings", this.listings, "bookings", this.bookings, "seed", this.seed));
		start();
		generate();
		settle("start");
		if (wants("search")) {
			search();
		}
		if (this.scenarios.contains("profile")) {
			this.results.put("searchProfile",
					new SearchProfile(this.app.getBean(NamedParameterJdbcTemplate.class)).run(
							SearchMix.generate(2_000, this.today, this.seed)
								.subList(0, Integer.getInteger("bench.profile-queries", 400)),
							this.app.getEnvironment().getProperty("zhilyego.catalog.count-cap", Integer.class, 1000)));
		}
		if (wants("explain")) {
			this.results.put("explain",
					new Explain(this.app.getBean(NamedParameterJdbcTemplate.class),
							this.app.getBean(org.springframework.transaction.support.TransactionTemplate.class))
						.plans(this.today, this.listingIds.get(this.listingIds.size() / 3), this.app.getEnvironment()
							.getProperty("zhilyego.catalog.count-cap", Integer.class, 1000)));
		}
		if (wants("contention")) {
			contention();
			settle("contention");
		}
		if (wants("holds")) {
			holds();
			settle("holds");
		}
		if (wants("page")) {
			listingPage();
		}
		if (wants("reliability")) {
			// a reliability scenario that fails (e.g. a bound exceeded on a starved
			// machine)
			// is a result, not a reason to lose every other number of the run
			try {
				this.results.put("reliability", new ReliabilityScenarios(this.app, this.seed).run(this::row));
			}
			catch (Exception ex) {
				this.results.put("reliability", Map.of("failed", ex.toString()));
				row("reliability", "FAILED", ex.toString(), "");
			}
		}
		if (wants("startup")) {
			startup();
		}
		this.results.put("overlappingOccupancies", overlaps());
		row("invariant", "overlapping active occupancies (whole table)", "" + overlaps(), "0");
		Map<String, Double> indexPagesAtEnd = searchIndexPages();
		this.results.put("searchIndexPagesPer1000ActiveAtEnd", indexPagesAtEnd);
		row("database", "search index pages per 1,000 active listings (mean of six), at start · at end",
				meanOf(((Map<?, ?>) this.results.get("data")).get("searchIndexPagesPer1000Active")) + " · "
						+ meanOf(indexPagesAtEnd),
				"~18-20 when freshly built");
		this.results.put("loadAverageAtEnd", Machine.loadAverage());
		double calibrationAtEnd = Machine.calibrationMs();
		this.results.put("calibrationMsAtEnd", calibrationAtEnd);
		row("machine", "one core: fixed workload ms, at start · at end (lower is faster)",
				((Map<?, ?>) this.results.get("machine")).get("calibrationMsAtStart") + " · " + calibrationAtEnd, "");
		print();
		Files.createDirectories(this.out.toAbsolutePath().getParent());
		Files.writeString(this.out,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(this.results));
		System.out.println("Results written to " + this.out.toAbsolutePath());
	}

	/**
	 * Pages of each search index per 1,000 active listings: what holds' non-HOT updates
	 * of the bitmap grow between vacuums (docs/operations.md, "Search index bloat").
	 */
	private Map<String, Double> searchIndexPages() {
		Map<String, Double> pages = new TreeMap<>();
		this.jdbc.sql("""
				select i.indexrelname as name,
				       pg_relation_size(i.indexrelid) / 8192.0
				         / greatest((select count(*) from listings where status = 'ACTIVE'), 1) * 1000 as pages
				from pg_stat_user_indexes i
				where i.relname = 'listings' and i.indexrelname like 'listings_search%'
				""").query((rs, n) -> pages.put(rs.getString("name"), Load.round(rs.getDouble("pages")))).list();
		return pages;
	}

	private static double meanOf(Object pages) {
		return Load.round(
				((Map<?, ?>) pages).values().stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0));
	}

	// --- setup ---------------------------------------------------------------------

	private void start() throws IOException {
		Map<String, Object> props = new LinkedHashMap<>(appProperties());
		Path tmp = Files.createTempDirectory("zhilyego-bench");
		if (this.dbUrl.isBlank()) {
			props.put("zhilyego.embedded-db.data-dir", tmp.resolve("postgres"));
		}
		else {
			props.put("spring.datasource.url", this.dbUrl);
			props.put("spring.datasource.username", System.getProperty("bench.db-user", "postgres"));
			props.put("spring.datasource.password", System.getProperty("bench.db-password", ""));
		}
		props.put("zhilyego.storage.local-dir", tmp.resolve("media"));
		props.put("server.port", 0);
		if (this.pgStats) {
			props.put("zhilyego.embedded-db.server-config[shared_preload_libraries]", "pg_stat_statements");
			props.put("zhilyego.embedded-db.server-config[pg_stat_statements.track]", "all");
		}
		long t0 = System.nanoTime();
		this.app = TestApps.start(props);
		double started = (System.nanoTime() - t0) / 1e9;
		this.base = "http://127.0.0.1:" + TestApps.port(this.app);
		this.jdbcUrl = this.app.getBean(HikariDataSource.class).getJdbcUrl();
		this.jdbc = this.app.getBean(JdbcClient.class);
		this.today = LocalDate.now(Zones.KAZAKHSTAN);
		this.results.put("inProcessStartSeconds", Load.round(started));
		System.out.printf("App up in %.1f s at %s, database %s%n", started, this.base, this.jdbcUrl);
	}

	static Map<String, Object> appProperties() {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("spring.profiles.active", "bench");
		props.put("zhilyego.jwt.secret", JWT_SECRET);
		props.put("zhilyego.crypto.key", CRYPTO_KEY);
		props.put("zhilyego.identity.rate-limit.enabled", false);
		props.put("zhilyego.identity.two-factor.required-for-staff", false);
		// Telegram sign-in configured as in production (otherwise its endpoints answer
		// 503 "not configured")
		props.put("zhilyego.telegram.bot-token", "123456789:BENCH-bot-token-for-signatures");
		// a production profile needs a real provider (the sandbox exists only in
		// dev/test);
		// the benchmark never pays, so Kaspi points at a local port where nothing listens
		props.put("zhilyego.payment.provider", "kaspi");
		props.put("zhilyego.payment.kaspi.base-url", "http://127.0.0.1:" + unusedPort());
		// no client certificate here: refunds are declared as made by hand in the Kaspi
		// cabinet, which production accepts too (docs/payments.md)
		props.put("zhilyego.payment.kaspi.refunds", "by-hand");
		props.put("logging.level.root", "WARN");
		props.put("logging.level.kz.zhilyego", "WARN");
		return props;
	}

	private void generate() throws Exception {
		BookingGenerator generator = new BookingGenerator(this.jdbc, this.app.getBean(javax.sql.DataSource.class));
		List<Long> realtors = generator.users(Math.max(1, this.listings / 200), "REALTOR", "+7705", "Realtor");
		this.guests = generator.users(Math.max(this.contenders, 5_000), "USER", "+7702", "Guest");
		long existing = count("listings");
		long t0 = System.nanoTime();
		if (existing < this.listings) {
			this.app.getBean(CatalogGenerator.class)
				.generate((int) (this.listings - existing), realtors, List.of(), this.seed);
		}
		double listingSeconds = (System.nanoTime() - t0) / 1e9;
		long existingBookings = count("bookings");
		t0 = System.nanoTime();
		long loaded = 0;
		if (existingBookings < this.bookings / 2) {
			loaded = generator.bookings(this.bookings, this.today, this.guests, this.seed);
		}
		double bookingSeconds = (System.nanoTime() - t0) / 1e9;
		this.jdbc.sql("vacuum analyze").update();
		this.listingIds = this.jdbc.sql("select id from listings where status = 'ACTIVE' order by id")
			.query(Long.class)
			.list();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("listings", count("listings"));
		data.put("bookings", count("bookings"));
		data.put("occupancies", count("occupancies"));
		data.put("listingSecondsToGenerate", Load.round(listingSeconds));
		data.put("bookingsLoaded", loaded);
		data.put("bookingSecondsToLoad", Load.round(bookingSeconds));
		data.put("searchIndexPagesPer1000Active", searchIndexPages());
		this.results.put("data", data);
		System.out.printf("Data: %s%n", data);
	}

	/**
	 * Lets the work a scenario left behind finish before the next one is measured: the
	 * messages its holds queued (the dispatcher renders and sends each) and the event
	 * publications still open. On a database reused from earlier runs (-Dbench.db-url)
	 * the start also retires what those runs left: their holds are expired and their
	 * nights freed (the expiry job would do it while search is measured) and their
	 * undelivered messages dropped. So does the end of the hold scenario: its tens of
	 * thousands of holds would otherwise expire 15 minutes later, in the middle of the
	 * listing page or the two-node scenario, each with a message to send (run 3 of the
	 * sixth pass timed out behind 34,787 of them). Waits at most three minutes and
	 * records how long it took, so a backlog is reported, never silently measured into
	 * the next scenario.
	 */
	private void settle(String after) {
		Map<String, Object> settled = new LinkedHashMap<>();
		if ("start".equals(after) && !this.dbUrl.isBlank() || "holds".equals(after)) {
			int expired = this.jdbc.sql("update bookings set status = 'EXPIRED' where status = 'HOLD'").update();
			settled.put("earlierHoldsExpired", expired);
			if (expired > 0) {
				this.jdbc.sql("""
						delete from occupancies o using bookings b
						where o.booking_id = b.id and b.status in ('EXPIRED', 'CANCELLED')
						""").update();
				this.jdbc.sql("vacuum analyze listings").update();
				this.jdbc.sql("vacuum analyze occupancies").update();
				this.jdbc.sql("vacuum analyze bookings").update();
			}
			settled.put("earlierMessagesDropped", this.jdbc.sql("""
					delete from notification_outbox o
					where o.status in ('PENDING', 'SENDING', 'FAILED')
					  and not exists (select 1 from in_app_notifications i where i.outbox_id = o.id)
					  and not exists (select 1 from captured_messages c where c.outbox_id = o.id)
					""").update());
		}
		long t0 = System.nanoTime();
		settled.put("openAtStart", openWork());
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> openWork() == 0);
		}
		catch (ConditionTimeoutException ex) {
			// reported below: the next scenario runs with this backlog
		}
		settled.put("openAtEnd", openWork());
		settled.put("seconds", Load.round((System.nanoTime() - t0) / 1e9));
		this.results.put("settledAfter" + Character.toUpperCase(after.charAt(0)) + after.substring(1), settled);
		System.out.printf("Settled after %s: %s%n", after, settled);
	}

	/** Messages due for dispatch plus event publications not completed. */
	private long openWork() {
		return this.jdbc.sql("""
				select (select count(*) from notification_outbox
				        where status in ('PENDING', 'SENDING') and next_attempt_at <= now())
				     + (select count(*) from event_publication where completion_date is null)
				""").query(Long.class).single();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	// --- a. search -----------------------------------------------------------------

	private void search() throws Exception {
		List<SearchMix.Query> queries = SearchMix.generate(2_000, this.today, this.seed);
		Map<String, Object> search = new LinkedHashMap<>();
		search.put("loadAverageBefore", Machine.loadAverage());
		// warm-up: JIT, caches and plans, not recorded
		search.put("warmUpHttp", warmUp("warm-up http", c -> httpSearch(queries)));
		search.put("warmUpSql", warmUp("warm-up sql", c -> rawSearch(queries)));
		Map<String, Object> httpLevels = new LinkedHashMap<>();
		Map<String, Object> sqlLevels = new LinkedHashMap<>();
		for (int clients : this.levels) {
			// HTTP and raw SQL in alternating windows: the machine is shared, and one
			// window of each after the other compared two states of the host as much as
			// two stacks (run 13's calibration went from 19 to 29 ms while it ran)
			List<Load.Result> httpWindows = new ArrayList<>();
			List<Load.Result> sqlWindows = new ArrayList<>();
			List<Double> windowRatios = new ArrayList<>();
			double window = this.duration / (double) this.searchRounds;
			for (int round = 0; round < this.searchRounds; round++) {
				httpWindows.add(Load.run("search http", clients, window, 1_000_000, c -> httpSearch(queries)));
				sqlWindows.add(Load.run("search sql", clients, window, 1_000_000, c -> rawSearch(queries)));
				windowRatios.add(Load.round(httpWindows.getLast().ms(50) / sqlWindows.getLast().ms(50)));
			}
			Load.Result http = Load.merge(httpWindows);
			Load.Result sql = Load.merge(sqlWindows);
			httpLevels.put(String.valueOf(clients), http.json());
			sqlLevels.put(String.valueOf(clients), sql.json());
			double ratio = http.ms(50) / sql.ms(50);
			search.put("ratioP50WindowsAt" + clients, windowRatios);
			row("search " + clients + " clients", "HTTP p50/p95/p99 ms, req/s", fmt(http),
					clients == 1 ? "p95 <= 15 ms" : clients == 8 ? "p95 <= 50 ms" : "");
			row("", "raw SQL p50/p95/p99 ms, q/s", fmt(sql), "");
			row("", "HTTP / raw SQL p50", String.format("%.2f", ratio), "<= 1.5");
			search.put("ratioP50At" + clients, Load.round(ratio));
		}
		search.put("http", httpLevels);
		search.put("rawSql", sqlLevels);
		search.put("loadAverageAfter", Machine.loadAverage());
		search.put("queries", "seeded mix of " + queries.size() + " searches, e.g. " + queries.get(0).queryString());
		this.results.put("search", search);
	}

	/**
	 * Runs the operation with 4 clients in rounds of up to 5 s until the JIT compilers
	 * settle: a round that adds less than 1 % of its time to their total compile time, at
	 * most 24 rounds. C2 compiles a method after some 10,000 calls and a request calls
	 * most of its methods once, so a fixed 10-s warm-up (~3,000 searches here) left much
	 * of the stack in the first tier: the first measured level then paid for compilation.
	 */
	private Map<String, Object> warmUp(String name, Load.ClientFactory clients) throws Exception {
		java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
		double seconds = Math.min(5, this.duration);
		long compiledBefore = jit.getTotalCompilationTime();
		long requests = 0;
		int rounds = 0;
		long lastRound;
		do {
			long before = jit.getTotalCompilationTime();
			requests += Load.run(name, 4, seconds, 1_000_000, clients).requests();
			rounds++;
			lastRound = jit.getTotalCompilationTime() - before;
		}
		while (lastRound > seconds * 10 && rounds < 24);
		Map<String, Object> warmUp = new LinkedHashMap<>();
		warmUp.put("rounds", rounds);
		warmUp.put("requests", requests);
		warmUp.put("jitMs", jit.getTotalCompilationTime() - compiledBefore);
		warmUp.put("lastRoundJitMs", lastRound);
		System.out.printf("%s: %d rounds, %d requests, JIT %d ms (last round %d ms)%n", name, rounds, requests,
				warmUp.get("jitMs"), lastRound);
		return warmUp;
	}

	private Load.Operation httpSearch(List<SearchMix.Query> queries) throws IOException {
		java.util.Random random = new java.util.Random();
		return gets(() -> "/api/v1/listings?" + queries.get(random.nextInt(queries.size())).queryString());
	}

	/**
	 * A load client that GETs the paths on its own keep-alive connection
	 * ({@link KeepAliveHttp}: the client's CPU per request stays far below the app's).
	 */
	private Load.Operation gets(java.util.function.Supplier<String> paths) throws IOException {
		return new KeepAliveGets(new KeepAliveHttp(URI.create(this.base)), paths);
	}

	private record KeepAliveGets(KeepAliveHttp http,
			java.util.function.Supplier<String> paths) implements Load.Operation, AutoCloseable {

		@Override
		public String call(int client, long iteration) throws IOException {
			return String.valueOf(this.http.get(this.paths.get()));
		}

		@Override
		public void close() throws IOException {
			this.http.close();
		}

	}

	/** The statements the service runs, with the same page-then-capped-count logic. */
	private Load.Operation rawSearch(List<SearchMix.Query> queries) throws Exception {
		java.util.Random random = new java.util.Random();
		Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
		NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(
				new SingleConnectionDataSource(connection, true));
		int cap = this.app.getEnvironment().getProperty("zhilyego.catalog.count-cap", Integer.class, 1000);
		SearchSql.Codes codes = SearchSql.codes(JdbcClient.create(template));
		return new ClosingOperation(connection) {
			@Override
			public String call(int client, long i) {
				SearchMix.Query query = queries.get(random.nextInt(queries.size()));
				var criteria = query.criteria();
				SearchSql.Statements sql = SearchSql.of(criteria, codes, Language.RU, cap);
				if (!SearchSql.needsCount(criteria, SearchSql.page(template, criteria, sql))) {
					return "page";
				}
				template.queryForObject(sql.count(), sql.params(), Long.class);
				return "page+count";
			}
		};
	}

	abstract static class ClosingOperation implements Load.Operation, AutoCloseable {

		private final Connection connection;

		ClosingOperation(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() throws Exception {
			this.connection.close();
		}

	}

	// --- b. contention ---------------------------------------------------------------

	private void contention() throws Exception {
		long listing = this.listingIds.get(this.listingIds.size() / 2);
		LocalDate checkIn = this.today.plusDays(420);
		Tokens tokens = this.app.getBean(Tokens.class);
		List<String> bearers = new ArrayList<>();
		for (int i = 0; i < this.contenders; i++) {
			bearers.add("Bearer " + tokens.accessToken(this.guests.get(i)));
		}
		String body = bookingBody(listing, checkIn, checkIn.plusDays(3));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		long t0;
		try (ExecutorService pool = Executors.newFixedThreadPool(this.contenders)) {
			for (String bearer : bearers) {
				statuses.add(pool.submit(() -> {
					start.await();
					return post("/api/v1/bookings", body, bearer).statusCode();
				}));
			}
			t0 = System.nanoTime();
			start.countDown();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (Future<Integer> status : statuses) {
			outcomes.merge(String.valueOf(status.get(60, TimeUnit.SECONDS)), 1L, Long::sum);
		}
		long overlaps = overlaps();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("clients", this.contenders);
		result.put("outcomes", outcomes);
		result.put("seconds", Load.round(seconds));
		result.put("overlapsAfter", overlaps);
		this.results.put("contention", result);
		row("contention", this.contenders + " clients, same listing and dates", outcomes.toString(),
				"1x201, " + (this.contenders - 1) + "x409");
		row("", "overlaps after", String.valueOf(overlaps), "0");
	}

	long overlaps() {
		// Sorted by start per listing, any overlap shows up between neighbours.
		return this.jdbc.sql("""
				select count(*) from (
				  select period && lag(period) over (partition by listing_id order by lower(period), id) as clash
				  from occupancies
				) x where clash
				""").query(Long.class).single();
	}

	private String bookingBody(long listing, LocalDate checkIn, LocalDate checkOut) {
		return """
				{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"guestName":"Гость","guestPhone":"+77011234567","rulesAccepted":true}
				"""
			.formatted(listing, checkIn, checkOut);
	}

	// --- c. hold throughput ------------------------------------------------------------

	private void holds() throws Exception {
		Tokens tokens = this.app.getBean(Tokens.class);
		int clients = 8;
		List<String> bearers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			bearers.add("Bearer " + tokens.accessToken(this.guests.get(this.contenders + i)));
		}
		int slice = this.listingIds.size() / (2 * clients);
		long guest = this.guests.get(0);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("loadAverageBefore", Machine.loadAverage());
		// warm-up (JIT, pools, plans), not recorded; round 0 of the dates. Counted in
		// holds, not seconds: the HTTP path is far more code than the JDBC one and needs
		// a
		// few thousand requests before the JIT has compiled it (capped at 3 minutes). The
		// HTTP clients run in a JVM of their own (HoldClient), so the CPU time of this
		// JVM
		// in the measured window is the app's alone.
		List<Long> httpListings = this.listingIds.subList(0, slice * clients);
		if (this.holdsWarmup > 0) {
			Load.run("warm-up holds sql", clients, 180, this.holdsWarmup, c -> rawHold(c, slice, guest, 0));
		}
		// HTTP and raw back to back, repeated: the machine is shared, so compare the
		// ratio
		// of each pair, never numbers of different runs
		List<Object> rounds = new ArrayList<>();
		for (int round = 1; round <= this.holdsRounds; round++) {
			int r = round;
			PgStats[] pg = { null };
			CpuMeter[] cpu = { null };
			double[][] httpCpu = { null };
			jdk.jfr.Recording[] recording = { null };
			Map<String, Object>[] httpStatements = new Map[1];
			HoldClient.Remote http = HoldClient.run(new HoldClient.Job(this.base, bearers, httpListings,
					this.today.toString(), r, clients, this.duration, round == 1 ? this.holdsWarmup : 0, 180), () -> {
						pg[0] = PgStats.start(this.jdbc, this.pgStats);
						recording[0] = round1Recording(r);
						cpu[0] = CpuMeter.start(this.jdbc);
					}, () -> {
						httpCpu[0] = cpu[0].stop();
					});
			if (recording[0] != null) {
				Path file = Path.of(this.jfr).toAbsolutePath();
				recording[0].dump(file);
				recording[0].close();
				System.out.println("JFR recording of the HTTP holds written to " + file);
			}
			httpStatements[0] = pg[0].report(http.requests());
			PgStats rawPg = PgStats.start(this.jdbc, this.pgStats);
			CpuMeter rawMeter = CpuMeter.start(this.jdbc);
			Load.Result raw = Load.run("holds sql", clients, this.duration, 1_000_000,
					c -> rawHold(c, slice, guest, r));
			double[] rawCpu = rawMeter.stop();
			Map<String, Object> rawStatements = rawPg.report(raw.requests());
			double ratio = http.throughput() / raw.throughput();
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("http", http.json());
			one.put("rawJdbc", raw.json());
			one.put("ratio", Load.round(ratio));
			one.put("loadAverageAfter", Machine.loadAverage());
			one.put("httpCpuMsPerHold", cpuPerHold(httpCpu[0], http.requests()));
			one.put("httpClientCpuMsPerHold", Load.round(http.clientCpuMs() / Math.max(1, http.requests())));
			one.put("rawCpuMsPerHold", cpuPerHold(rawCpu, raw.requests()));
			if (this.pgStats) {
				one.put("httpStatements", httpStatements[0]);
				one.put("rawStatements", rawStatements);
			}
			rounds.add(one);
			String label = this.holdsRounds == 1 ? "" : " round " + round;
			row("holds " + clients + " clients" + label, "HTTP holds/s (p95 ms)",
					String.format("%.0f (%.1f)", http.throughput(), http.p95()), "");
			row("", "raw JDBC holds/s (p95 ms)", fmt1(raw), "");
			row("", "HTTP / raw throughput", String.format("%.2f", ratio), ">= 0.35");
			row("", "CPU ms per hold, HTTP: app JVM + PostgreSQL (client JVM apart)",
					String.format("%.2f + %.2f (%.2f)", httpCpu[0][0] / http.requests(),
							httpCpu[0][1] / http.requests(), http.clientCpuMs() / Math.max(1, http.requests())),
					"");
			row("", "CPU ms per hold, raw: JVM (JDBC clients) + PostgreSQL",
					String.format("%.2f + %.2f", rawCpu[0] / raw.requests(), rawCpu[1] / raw.requests()), "");
			if (round == 1) {
				result.put("http", http.json());
				result.put("rawJdbc", raw.json());
				result.put("ratio", Load.round(ratio));
			}
		}
		result.put("rawJdbcIs", "one transaction: lock the listing row, insert booking, occupancy and transition");
		result.put("rounds", rounds);
		this.results.put("holds", result);
	}

	private static Map<String, Object> cpuPerHold(double[] cpu, long holds) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("jvm", holds == 0 ? 0 : Load.round(cpu[0] / holds));
		json.put("postgres", holds == 0 ? 0 : Load.round(cpu[1] / holds));
		return json;
	}

	/**
	 * A JFR recording (settings "profile") of the first measured HTTP holds window, when
	 * {@code bench.jfr} names a file.
	 */
	private jdk.jfr.@Nullable Recording round1Recording(int round) {
		if (this.jfr.isBlank() || round != 1) {
			return null;
		}
		try {
			jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
			recording.start();
			return recording;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Load.Operation rawHold(int client, int slice, long guest, int round) throws Exception {
		Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
		connection.setAutoCommit(false);
		PreparedStatement lock = connection
			.prepareStatement("select owner_id, price_per_night from listings where id = ? for update");
		PreparedStatement booking = connection.prepareStatement("""
				insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
				    guest_name, guest_phone, rules_accepted_at, nightly, subtotal, discounts, total, currency,
				    commission_percent, platform_commission, gateway_fee_percent, gateway_fee, hold_expires_at,
				    created_at)
				values (?, ?, ?, ?, 'HOLD', ?, ?, 1, 'Гость', '+77011234567', now(), '[]', ?, 0, ?, 'KZT', 10, 0,
				    2.5, 0, now() + interval '15 minutes', now())
				""");
		PreparedStatement occupancy = connection.prepareStatement(
				"insert into occupancies (listing_id, period, kind, booking_id) values (?, daterange(?, ?), 'BOOKING', ?)");
		PreparedStatement transition = connection.prepareStatement(
				"insert into booking_transitions (booking_id, at, actor_type, actor_id, to_status) values (?, now(), 'GUEST', ?, 'HOLD')");
		return new ClosingOperation(connection) {
			@Override
			public String call(int c, long i) throws Exception {
				long listing = Benchmark.this.listingIds
					.get(Benchmark.this.listingIds.size() / 2 + c * slice + (int) (i % slice));
				LocalDate checkIn = Benchmark.this.today.plusDays(400 + 300L * round + 3 * (i / slice));
				try {
					lock.setLong(1, listing);
					long owner;
					java.math.BigDecimal price;
					try (var rs = lock.executeQuery()) {
						rs.next();
						owner = rs.getLong(1);
						price = rs.getBigDecimal(2);
					}
					UUID id = UUID.randomUUID();
					booking.setObject(1, id);
					booking.setLong(2, listing);
					booking.setLong(3, owner);
					booking.setLong(4, guest);
					booking.setObject(5, checkIn);
					booking.setObject(6, checkIn.plusDays(2));
					booking.setBigDecimal(7, price.add(price));
					booking.setBigDecimal(8, price.add(price));
					booking.executeUpdate();
					occupancy.setLong(1, listing);
					occupancy.setObject(2, checkIn);
					occupancy.setObject(3, checkIn.plusDays(2));
					occupancy.setObject(4, id);
					occupancy.executeUpdate();
					transition.setObject(1, id);
					transition.setLong(2, guest);
					transition.executeUpdate();
					connection.commit();
					return "committed";
				}
				catch (Exception ex) {
					connection.rollback();
					throw ex;
				}
			}
		};
	}

	// --- d. listing page
	// -----------------------------------------------------------------

	private void listingPage() throws Exception {
		List<String[]> cards = this.jdbc.sql("""
				select l.id, c.slug, d.slug, t.slug, l.title from listings l
				join cities c on c.id = l.city_id join districts d on d.id = l.district_id
				join housing_types t on t.code = l.type_code
				where l.status = 'ACTIVE' order by l.id limit 2000
				""")
			.query((rs,
					n) -> new String[] { rs.getString(1),
							ListingPaths.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
									rs.getLong(1)) })
			.list();
		HttpResponse<String> probe = get(cards.get(0)[1]);
		boolean html = probe.statusCode() == 200
				&& probe.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
		String label = html ? "HTML page GET {card.path}" : "GET /api/v1/listings/{id} (the HTML page answered "
				+ probe.statusCode() + " in this branch; re-run after the web site lands)";
		java.util.Random random = new java.util.Random(this.seed);
		java.util.function.Supplier<String> paths = () -> {
			String[] card = cards.get(random.nextInt(cards.size()));
			return html ? card[1] : "/api/v1/listings/" + card[0];
		};
		Map<String, Object> warmUp = warmUp("warm-up page", c -> gets(paths));
		Load.Result page = Load.run("listing page", 8, this.duration, 1_000_000, c -> gets(paths));
		Map<String, Object> result = new LinkedHashMap<>(page.json());
		result.put("warmUp", warmUp);
		result.put("measured", label);
		this.results.put("listingPage", result);
		row("listing page 8 clients", html ? "HTML page" : "API card (no HTML page yet)", fmt1(page),
				">= 300/s, p95 <= 60 ms");
	}

	// --- e. start-up and memory ------------------------------------------------------

	private void startup() throws Exception {
		Map<String, Object> result = new StartupProbe(this.jdbcUrl, this.http).measure();
		this.results.put("startup", result);
		row("start-up", "child JVM to readiness UP, s (CPU s; load)", startupFigure(result), "<= 8");
		row("", "RSS after warm-up, MB", String.valueOf(result.get("rssMbAfterWarmUp")), "");
		if (result.get("aotCache") instanceof Map<?, ?> aot) {
			row("", "same with the JDK AOT cache (extracted jar), s", startupFigure(aot), "<= 8");
		}
	}

	private static String startupFigure(Map<?, ?> start) {
		return start.get("secondsToReady") + " (" + start.get("cpuSecondsToReady") + "; "
				+ start.get("loadAverageAtStart") + ")";
	}

	// --- helpers
	// ------------------------------------------------------------------------

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", "ru")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String body, String bearer) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	void row(String scenario, String metric, String value, String target) {
		this.table.add(new String[] { scenario, metric, value, target });
	}

	private static String fmt(Load.Result r) {
		return String.format("%.1f / %.1f / %.1f, %.0f", r.ms(50), r.ms(95), r.ms(99), r.throughput());
	}

	private static String fmt1(Load.Result r) {
		return String.format("%.0f (%.1f)", r.throughput(), r.ms(95));
	}

	private void print() {
		int[] widths = new int[4];
		String[] header = { "scenario", "metric", "value", "target" };
		List<String[]> all = new ArrayList<>();
		all.add(header);
		all.addAll(this.table);
		for (String[] row : all) {
			for (int i = 0; i < 4; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		String format = Arrays.stream(widths).mapToObj(w -> "%-" + w + "s").collect(Collectors.joining(" | ")) + "%n";
		System.out.println();
		System.out.printf(format, (Object[]) header);
		System.out.println("-".repeat(Arrays.stream(widths).sum() + 9));
		for (String[] row : this.table) {
			System.out.printf(format, (Object[]) row);
		}
		System.out.println();
	}

	private static int unusedPort() {
		try {
			return freePort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

}
