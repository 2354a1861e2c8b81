package kz.zhilyego.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on 127.0.0.1 standing in for a provider (Telegram Bot API, WhatsApp
 * Cloud API): records every request (with its arrival time) and answers what the test
 * says.
 */
public final class FakeHttpServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile Function<Request, Answer> responder = request -> new Answer(200, "{}");

	public FakeHttpServer(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), body,
					exchange.getRequestHeaders().getFirst("Content-Type"), System.nanoTime());
			this.requests.add(request);
			Answer answer = this.responder.apply(request);
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	public void answer(Function<Request, Answer> responder) {
		this.responder = responder;
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public void clear() {
		this.requests.clear();
		this.responder = request -> new Answer(200, "{}");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param receivedAt {@link System#nanoTime()} when the request arrived
	 */
	public record Request(String method, String path, String authorization, String body, String contentType,
			long receivedAt) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	public record Answer(int status, String body, Map<String, String> headers) {

		public Answer(int status, String body) {
			this(status, body, Map.of());
		}

	}

}
