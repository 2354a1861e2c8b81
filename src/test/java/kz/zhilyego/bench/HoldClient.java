package kz.zhilyego.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP hold clients of the benchmark in a process of their own, so that the CPU time
 * of the app's JVM is the app's alone (docs/benchmarks.md, scenario c). Reads a job (JSON
 * file: base URL, bearer tokens, listing ids, dates), runs an optional warm-up and one
 * measured window with {@link Load}, and writes the result (JSON file) including its own
 * CPU time in the measured window. Prints {@code MEASURE-START} / {@code MEASURE-END} on
 * stdout around the window, so the parent can meter the app exactly then. Bounded in time
 * and count; talks to the given base URL (127.0.0.1) only.
 */
public final class HoldClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HoldClient() {
	}

	/** One round's job. */
	record Job(String base, List<String> bearers, List<Long> listings, String today, int round, int clients,
			double seconds, long warmup, double warmupSeconds) {
	}

	public static void main(String[] args) throws Exception {
		Job job = JSON.readValue(Files.readString(Path.of(args[0])), Job.class);
		int slice = job.listings().size() / job.clients();
		LocalDate today = LocalDate.parse(job.today());
		Map<String, Object> out = new LinkedHashMap<>();
		if (job.warmup() > 0) {
			Load.Result warm = Load.run("warm-up holds http", job.clients(), job.warmupSeconds(), job.warmup(),
					c -> operation(job, slice, today, 0));
			out.put("warmUp", warm.json());
		}
		System.out.println("MEASURE-START");
		System.out.flush();
		long cpu0 = cpuNanos();
		Load.Result result = Load.run("holds http", job.clients(), job.seconds(), 1_000_000,
				c -> operation(job, slice, today, job.round()));
		double cpuMs = (cpuNanos() - cpu0) / 1e6;
		System.out.println("MEASURE-END");
		System.out.flush();
		out.put("result", result.json());
		out.put("clientCpuMs", Load.round(cpuMs));
		Files.writeString(Path.of(args[1]), JSON.writeValueAsString(out));
	}

	/**
	 * Client {@code c} books its own slice of the listings, each hold on free dates of
	 * the round (past the generated year), so every hold succeeds. Each client thread has
	 * its own keep-alive connection ({@link KeepAliveHttp}), closed with the window.
	 */
	private static Load.Operation operation(Job job, int slice, LocalDate today, int round) throws IOException {
		KeepAliveHttp http = new KeepAliveHttp(URI.create(job.base()));
		return new Holds(http, job, slice, today, round);
	}

	private record Holds(KeepAliveHttp http, Job job, int slice, LocalDate today,
			int round) implements Load.Operation, AutoCloseable {

		@Override
		public String call(int client, long i) throws IOException {
			long listing = this.job.listings().get(client * this.slice + (int) (i % this.slice));
			LocalDate checkIn = this.today.plusDays(400 + 300L * this.round + 3 * (i / this.slice));
			String body = """
					{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"guestName":"Гость","guestPhone":"+77011234567","rulesAccepted":true}
					"""
				.formatted(listing, checkIn, checkIn.plusDays(2));
			return String.valueOf(this.http.postJson("/api/v1/bookings", this.job.bearers().get(client), body));
		}

		@Override
		public void close() throws IOException {
			this.http.close();
		}

	}

	private static long cpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** The result of a child run, as the parent reads it. */
	record Remote(long requests, double seconds, double p50, double p95, double p99, Map<String, Object> outcomes,
			double clientCpuMs, Map<String, Object> json) {

		double throughput() {
			return this.requests / this.seconds;
		}

		static Remote of(JsonNode node) {
			JsonNode r = node.get("result");
			Map<String, Object> outcomes = new LinkedHashMap<>();
			r.get("outcomes").properties().forEach(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
			Map<String, Object> json = JSON.convertValue(r, Map.class);
			return new Remote(r.get("requests").asLong(), r.get("seconds").asDouble(), r.get("p50Ms").asDouble(),
					r.get("p95Ms").asDouble(), r.get("p99Ms").asDouble(), outcomes, node.get("clientCpuMs").asDouble(),
					json);
		}

	}

	/**
	 * Runs a child JVM for {@code job}; {@code window} is started and stopped around its
	 * measured window.
	 */
	static Remote run(Job job, Runnable onStart, Runnable onEnd) throws Exception {
		Path dir = Files.createTempDirectory("zhilyego-holds");
		Path in = dir.resolve("job.json");
		Path out = dir.resolve("result.json");
		Files.writeString(in, JSON.writeValueAsString(job));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HoldClient.class.getName(),
						in.toString(), out.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.equals("MEASURE-START")) {
					onStart.run();
				}
				else if (line.equals("MEASURE-END")) {
					onEnd.run();
				}
				else {
					System.out.println("[hold client] " + line);
				}
			}
		}
		if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("Hold client failed: exit " + process.exitValue());
		}
		return Remote.of(JSON.readTree(Files.readString(out)));
	}

}
