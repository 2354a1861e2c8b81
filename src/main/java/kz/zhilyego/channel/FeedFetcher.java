package kz.zhilyego.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a feed over HTTP(S): conditional ({@code If-None-Match} with the last ETag,
 * {@code If-Modified-Since} with the last {@code Last-Modified}), with a connect and a
 * whole-answer timeout, at most {@code max-feed-bytes}, no redirects. Only {@code https}
 * URLs of public addresses (the server must not become a way to read internal addresses);
 * tests allow plain HTTP on loopback by configuration. Public means
 * {@link PublicAddresses#isPublic}: an allow-list of public unicast ranges.
 */
@Component
class FeedFetcher {

	private final ChannelProperties.Ical properties;

	private final HttpClient http;

	private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors
		.newVirtualThreadPerTaskExecutor();

	FeedFetcher(ChannelProperties properties) {
		this.properties = properties.ical();
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	sealed interface Result {

		record Fetched(byte[] body, @Nullable String etag, @Nullable String lastModified) implements Result {
		}

		record NotModified() implements Result {
		}

		/** Why the feed could not be read (shown to the realtor). */
		record Failed(String reason) implements Result {
		}

	}

	/**
	 * Whether the URL may be fetched at all (scheme and address).
	 * @return null when it may, else why not: {@code syntax}, {@code scheme},
	 * {@code host}, {@code private} or {@code unknownHost}
	 */
	@Nullable String refuse(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			return "syntax";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && this.properties.allowHttp())) {
			return "scheme";
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			return "host";
		}
		if (!this.properties.allowPrivateNetworks()) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (!PublicAddresses.isPublic(address)) {
						return "private";
					}
				}
			}
			catch (UnknownHostException ex) {
				return "unknownHost";
			}
		}
		return null;
	}

	Result fetch(String url, @Nullable String etag, @Nullable String lastModified) {
		String refused = refuse(url);
		if (refused != null) {
			return new Result.Failed("refused: " + refused);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.strip()))
			.timeout(this.properties.readTimeout())
			.header("Accept", "text/calendar, */*;q=0.5")
			.header("User-Agent", "ZhilyeGO-Calendar/1.0")
			.GET();
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		java.util.concurrent.Future<Result> answer = this.readers.submit(() -> read(request.build()));
		try {
			return answer.get(this.properties.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			answer.cancel(true);
			return new Result.Failed("timed out after " + this.properties.readTimeout().toSeconds() + " s");
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return new Result.Failed("read failed: " + ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return new Result.Failed("interrupted");
		}
	}

	/** Sends and reads the whole answer (the caller bounds the time). */
	private Result read(HttpRequest request) {
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			return new Result.Failed("timed out after " + this.properties.readTimeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			return new Result.Failed("cannot connect: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result.Failed("interrupted");
		}
		int status = response.statusCode();
		try (InputStream body = response.body()) {
			if (status == 304) {
				return new Result.NotModified();
			}
			if (status != 200) {
				return new Result.Failed("HTTP " + status);
			}
			byte[] bytes = body.readNBytes(this.properties.maxFeedBytes() + 1);
			if (bytes.length > this.properties.maxFeedBytes()) {
				return new Result.Failed("larger than " + this.properties.maxFeedBytes() + " bytes");
			}
			return new Result.Fetched(bytes, response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null));
		}
		catch (IOException ex) {
			return new Result.Failed("read failed: " + ex.getClass().getSimpleName());
		}
	}

}
