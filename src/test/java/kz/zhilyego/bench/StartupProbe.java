package kz.zhilyego.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Start-up and memory of a separate app process: the packaged jar (or the main class path
 * when there is no jar) on the benchmark's database, timed from process start to
 * {@code /actuator/health/readiness} UP; then a search warm-up and VmRSS from
 * {@code /proc/<pid>/status}. The process is stopped at the end.
 */
final class StartupProbe {

	private static final Duration LIMIT = Duration.ofSeconds(120);

	private final String jdbcUrl;

	private final HttpClient http;

	StartupProbe(String jdbcUrl, HttpClient http) {
		this.jdbcUrl = jdbcUrl;
		this.http = http;
	}

	Map<String, Object> measure() throws Exception {
		int port = Benchmark.freePort();
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String heap = System.getProperty("bench.app-heap", "1g");
		List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + heap));
		Path jar = Path.of(System.getProperty("bench.jar", "target/none.jar"));
		String launched;
		if (Files.isRegularFile(jar)) {
			command.addAll(List.of("-jar", jar.toString()));
			launched = "java -Xmx" + heap + " -jar " + jar.getFileName();
		}
		else {
			String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !entry.contains("test-classes"))
				.collect(Collectors.joining(File.pathSeparator));
			command.addAll(List.of("-cp", classPath, "kz.zhilyego.ZhilyeGoApplication"));
			launched = "java -Xmx" + heap + " -cp <main class path> kz.zhilyego.ZhilyeGoApplication";
		}
		Map<String, Object> props = Benchmark.appProperties();
		props.put("server.port", port);
		props.put("spring.datasource.url", this.jdbcUrl);
		props.put("spring.datasource.username", "postgres");
		props.put("zhilyego.storage.local-dir", Files.createTempDirectory("zhilyego-bench-media"));
		props.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = Files.createTempFile("zhilyego-startup", ".log");
		long t0 = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("launched", launched + " (profile bench, existing database)");
		try {
			double ready = -1;
			long deadline = t0 + LIMIT.toNanos();
			while (System.nanoTime() < deadline && process.isAlive()) {
				if (up(port)) {
					ready = (System.nanoTime() - t0) / 1e9;
					break;
				}
				process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			result.put("secondsToReady", Load.round(ready));
			result.put("rssMbAtReady", Machine.rssMb(process.pid()));
			if (ready > 0) {
				List<SearchMix.Query> queries = SearchMix.generate(500, java.time.LocalDate.now(), 7);
				java.util.Random random = new java.util.Random(7);
				Load.Result warm = Load.run("warm-up", 8, 20, 5_000, c -> (client, i) -> {
					SearchMix.Query query = queries.get(random.nextInt(queries.size()));
					return String.valueOf(
							this.http
								.send(HttpRequest
									.newBuilder(URI
										.create("http://127.0.0.1:" + port + "/api/v1/listings?" + query.queryString()))
									.timeout(Duration.ofSeconds(30))
									.build(), HttpResponse.BodyHandlers.discarding())
								.statusCode());
				});
				result.put("warmUpRequests", warm.requests());
				result.put("rssMbAfterWarmUp", Machine.rssMb(process.pid()));
			}
			else {
				result.put("log", Files.readString(log).lines().limit(40).collect(Collectors.joining("\n")));
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		return result;
	}

	private boolean up(int port) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("UP");
		}
		catch (Exception ex) {
			return false;
		}
	}

}
