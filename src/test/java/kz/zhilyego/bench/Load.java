package kz.zhilyego.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Runs {@code clients} threads, each calling its operation in a loop until the duration
 * is over or the request budget is spent, and records every latency in an HdrHistogram
 * (microseconds, 1 µs–60 s, 3 significant digits). Bounded in time and count.
 */
final class Load {

	private Load() {
	}

	/** One client's operation; returns an outcome label (e.g. the HTTP status). */
	@FunctionalInterface
	interface Operation {

		String call(int client, long iteration) throws Exception;

	}

	/** Per-client state set up once on the client's thread (e.g. a JDBC connection). */
	@FunctionalInterface
	interface ClientFactory {

		Operation create(int client) throws Exception;

	}

	record Result(String name, int clients, long requests, double seconds, Histogram histogram,
			Map<String, Long> outcomes) {

		double throughput() {
			return this.requests / this.seconds;
		}

		double ms(double percentile) {
			return this.histogram.getValueAtPercentile(percentile) / 1000.0;
		}

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("clients", this.clients);
			json.put("requests", this.requests);
			json.put("seconds", round(this.seconds));
			json.put("throughputPerSecond", round(throughput()));
			json.put("p50Ms", round(ms(50)));
			json.put("p95Ms", round(ms(95)));
			json.put("p99Ms", round(ms(99)));
			json.put("maxMs", round(this.histogram.getMaxValue() / 1000.0));
			json.put("outcomes", this.outcomes);
			return json;
		}

	}

	/**
	 * One result of several windows of the same operation and clients: histograms and
	 * outcomes added, requests and measured seconds summed.
	 */
	static Result merge(List<Result> windows) {
		Result first = windows.get(0);
		Histogram histogram = new Histogram(60_000_000L, 3);
		Map<String, Long> outcomes = new LinkedHashMap<>();
		long requests = 0;
		double seconds = 0;
		for (Result window : windows) {
			histogram.add(window.histogram());
			window.outcomes().forEach((outcome, n) -> outcomes.merge(outcome, n, Long::sum));
			requests += window.requests();
			seconds += window.seconds();
		}
		return new Result(first.name(), first.clients(), requests, seconds, histogram, outcomes);
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static Result run(String name, int clients, double seconds, long maxRequests, ClientFactory factory)
			throws Exception {
		Histogram histogram = new Histogram(60_000_000L, 3);
		Map<String, Long> outcomes = new ConcurrentHashMap<>();
		AtomicLong budget = new AtomicLong(maxRequests);
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch start = new CountDownLatch(1);
		long[] window = new long[2];
		List<Future<Histogram>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					Operation operation = factory.create(client);
					Histogram own = new Histogram(60_000_000L, 3);
					ready.countDown();
					start.await();
					long deadline = window[0] + (long) (seconds * 1e9);
					long iteration = 0;
					while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
						long t0 = System.nanoTime();
						String outcome;
						try {
							outcome = operation.call(client, iteration++);
						}
						catch (Exception ex) {
							outcome = ex.getClass().getSimpleName();
						}
						own.recordValue(Math.min(60_000_000L, Math.max(1, (System.nanoTime() - t0) / 1000)));
						outcomes.merge(outcome, 1L, Long::sum);
					}
					if (operation instanceof AutoCloseable closeable) {
						closeable.close();
					}
					return own;
				}));
			}
			if (!ready.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Clients did not get ready");
			}
			window[0] = System.nanoTime();
			start.countDown();
			for (Future<Histogram> future : futures) {
				histogram.add(future.get((long) seconds + 120, TimeUnit.SECONDS));
			}
			window[1] = System.nanoTime();
		}
		double elapsed = (window[1] - window[0]) / 1e9;
		return new Result(name, clients, histogram.getTotalCount(), elapsed, histogram, new LinkedHashMap<>(outcomes));
	}

}
