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
		Map<String, Object> result = start(command, launched, true);
		if (Files.isRegularFile(jar)) {
			result.put("aotCache", withAotCache(javaBin, heap, jar));
		}
		return result;
	}

	/**
	 * The production launch of docs/operations.md: the jar extracted
	 * ({@code -Djarmode=tools extract}), one training run that stops after the context
	 * refresh and writes the JDK's AOT cache ({@code -XX:AOTCacheOutput}), then the start
	 * with {@code -XX:AOTCache}.
	 */
	private Map<String, Object> withAotCache(String javaBin, String heap, Path jar) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		Path dir = Files.createTempDirectory("zhilyego-aot");
		Path extracted = dir.resolve("app");
		run(List.of(javaBin, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				extracted.toString()), Duration.ofSeconds(120));
		Path appJar = extracted.resolve(jar.getFileName());
		Path cache = dir.resolve("zhilyego.aot");
		List<String> training = new ArrayList<>(List.of(javaBin, "-Xmx" + heap, "-XX:AOTCacheOutput=" + cache,
				"-Dspring.context.exit=onRefresh", "-jar", appJar.toString()));
		long t0 = System.nanoTime();
		training.addAll(arguments(Benchmark.freePort()));
		int exit = run(training, Duration.ofSeconds(240));
		result.put("trainingSeconds", Load.round((System.nanoTime() - t0) / 1e9));
		result.put("trainingExit", exit);
		if (!Files.isRegularFile(cache)) {
			result.put("error", "no AOT cache written");
			return result;
		}
		result.put("cacheMb", Files.size(cache) / (1024 * 1024));
		result.putAll(start(
				new ArrayList<>(List.of(javaBin, "-Xmx" + heap, "-XX:AOTCache=" + cache, "-jar", appJar.toString())),
				"java -Xmx" + heap + " -XX:AOTCache=zhilyego.aot -jar app/" + jar.getFileName(), false));
		return result;
	}

	private static int run(List<String> command, Duration limit) throws Exception {
		Path log = Files.createTempFile("zhilyego-aot", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + String.join(" ", command.subList(0, 4)));
		}
		return process.exitValue();
	}

	private List<String> arguments(int port) throws java.io.IOException {
		Map<String, Object> props = Benchmark.appProperties();
		props.put("server.port", port);
		props.put("spring.datasource.url", this.jdbcUrl);
		props.put("spring.datasource.username", "postgres");
		props.put("zhilyego.storage.local-dir", Files.createTempDirectory("zhilyego-bench-media"));
		List<String> arguments = new ArrayList<>();
		props.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments;
	}

	private Map<String, Object> start(List<String> command, String launched, boolean warmUp) throws Exception {
		int port = Benchmark.freePort();
		command.addAll(arguments(port));
		Path log = Files.createTempFile("zhilyego-startup", ".log");
		String load = Machine.loadAverage();
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
			// the wall time depends on what else runs on the machine; the CPU time the
			// process spent (every thread, the JIT compilers included) much less
			result.put("cpuSecondsToReady",
					process.info().totalCpuDuration().map(cpu -> Load.round(cpu.toNanos() / 1e9)).orElse(-1.0));
			result.put("loadAverageAtStart", load);
			result.put("rssMbAtReady", Machine.rssMb(process.pid()));
			if (ready > 0 && warmUp) {
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
			else if (ready <= 0) {
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
