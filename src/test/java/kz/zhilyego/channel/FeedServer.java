package kz.zhilyego.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on 127.0.0.1 (a free port) serving calendar feeds as the platforms
 * do: {@code text/calendar} with an ETag, 304 for a matching {@code If-None-Match}, and
 * on demand a 404 or an answer that never comes (until the server closes). Records each
 * request's conditional headers.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	final List<String> requests = new CopyOnWriteArrayList<>();

	private record Feed(int status, String body, @Nullable String etag, boolean stall) {
	}

	FeedServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
			this.requests.add(path + " If-None-Match=" + ifNoneMatch);
			Feed feed = this.feeds.getOrDefault(path, new Feed(404, "Not Found", null, false));
			if (feed.stall()) {
				try {
					this.closing.await(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			if (feed.etag() != null && feed.etag().equals(ifNoneMatch)) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			byte[] bytes = feed.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
			if (feed.etag() != null) {
				exchange.getResponseHeaders().add("ETag", feed.etag());
			}
			exchange.sendResponseHeaders(feed.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void serve(String path, String body, String etag) {
		this.feeds.put(path, new Feed(200, body, etag, false));
	}

	void fail(String path, int status) {
		this.feeds.put(path, new Feed(status, "gone", null, false));
	}

	void stall(String path) {
		this.feeds.put(path, new Feed(200, "", null, true));
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
	}

}
