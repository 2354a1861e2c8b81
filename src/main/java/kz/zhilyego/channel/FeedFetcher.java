package kz.zhilyego.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a feed over HTTP(S): conditional ({@code If-None-Match} with the last ETag,
 * {@code If-Modified-Since} with the last {@code Last-Modified}), with a connect and a
 * whole-answer timeout, at most {@code max-feed-bytes}, no redirects, no proxy. Only
 * {@code https} URLs of public addresses (the server must not become a way to read
 * internal addresses); tests allow plain HTTP on loopback by configuration. Public means
 * {@link PublicAddresses#isPublic}: an allow-list of public unicast ranges.
 * <p>
 * The address check sits in the HTTP client's name resolution ({@link CheckedDns}): the
 * client connects only to the addresses that were checked, so a host whose DNS answer
 * changes between a check and the connection (DNS rebinding) cannot lead the server to an
 * internal address.
 */
@Component
class FeedFetcher {

	/** Resolves a host name to its addresses (the system's resolver outside tests). */
	@FunctionalInterface
	interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	private final ChannelProperties.Ical properties;

	private final Resolver resolver;

	private final OkHttpClient http;

	@Autowired
	FeedFetcher(ChannelProperties properties) {
		this(properties, host -> List.of(InetAddress.getAllByName(host)));
	}

	FeedFetcher(ChannelProperties properties, Resolver resolver) {
		this.properties = properties.ical();
		this.resolver = resolver;
		this.http = new OkHttpClient.Builder().dns(new CheckedDns())
			.proxy(Proxy.NO_PROXY)
			.connectTimeout(this.properties.connectTimeout())
			.callTimeout(this.properties.readTimeout())
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
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
	 * Whether the URL may be fetched at all (scheme and address), for the form that adds
	 * a feed; {@link #fetch} checks the addresses again as it connects.
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
		try {
			checked(uri.getHost());
		}
		catch (PrivateAddressException ex) {
			return "private";
		}
		catch (UnknownHostException ex) {
			return "unknownHost";
		}
		return null;
	}

	Result fetch(String url, @Nullable String etag, @Nullable String lastModified) {
		String refused = refuse(url);
		if (refused != null) {
			return new Result.Failed("refused: " + refused);
		}
		Request.Builder request = new Request.Builder().url(URI.create(url.strip()).toString())
			.header("Accept", "text/calendar, */*;q=0.5")
			.header("User-Agent", "ZhilyeGO-Calendar/1.0")
			.get();
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		try (Response response = this.http.newCall(request.build()).execute()) {
			return read(response);
		}
		catch (PrivateAddressException ex) {
			// the name resolved to a public address for the check and to another one now
			return new Result.Failed("refused: private");
		}
		catch (InterruptedIOException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return new Result.Failed("interrupted");
			}
			return new Result.Failed("timed out after " + this.properties.readTimeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			return new Result.Failed("cannot connect: " + ex.getClass().getSimpleName());
		}
		catch (IllegalArgumentException ex) {
			return new Result.Failed("refused: syntax");
		}
	}

	/** Reads the whole answer (the call's timeout bounds the time). */
	private Result read(Response response) throws IOException {
		int status = response.code();
		if (status == 304) {
			return new Result.NotModified();
		}
		if (status != 200) {
			return new Result.Failed("HTTP " + status);
		}
		ResponseBody body = response.body();
		byte[] bytes;
		try (InputStream in = body.byteStream()) {
			bytes = in.readNBytes(this.properties.maxFeedBytes() + 1);
		}
		if (bytes.length > this.properties.maxFeedBytes()) {
			return new Result.Failed("larger than " + this.properties.maxFeedBytes() + " bytes");
		}
		return new Result.Fetched(bytes, response.header("ETag"), response.header("Last-Modified"));
	}

	/** The host's addresses, each of them public unless private networks are allowed. */
	private List<InetAddress> checked(String host) throws UnknownHostException {
		List<InetAddress> addresses = this.resolver.resolve(host);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		if (!this.properties.allowPrivateNetworks()) {
			for (InetAddress address : addresses) {
				if (!PublicAddresses.isPublic(address)) {
					throw new PrivateAddressException(host);
				}
			}
		}
		return addresses;
	}

	/**
	 * The client's name resolution: the addresses it connects to are the checked ones.
	 */
	private final class CheckedDns implements Dns {

		@Override
		public List<InetAddress> lookup(String host) throws UnknownHostException {
			return checked(host);
		}

	}

	/** A host that resolves to an address that is not public. */
	static final class PrivateAddressException extends UnknownHostException {

		PrivateAddressException(String host) {
			super(host + " resolves to an address that is not public");
		}

	}

}
