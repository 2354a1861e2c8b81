package kz.zhilyego.common.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes {@code Forwarded} and {@code X-Forwarded-For/-Proto/-Host/-Port/-Prefix} only
 * when the TCP peer is a trusted proxy ({@link TrustedProxies}); from anyone else they
 * are removed before anything reads them. Behind trusted proxies the client address is
 * the rightmost address in the chain that is not itself a trusted proxy (a proxy appends
 * what it saw, so everything to the left of that came from the client and may be forged);
 * scheme, host, port and prefix come from Spring's {@link ForwardedHeaderFilter}. Runs
 * first, so the session cookie, the rate limits and the audit log all see the same
 * client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxyFilter extends OncePerRequestFilter {

	private final TrustedProxies.Matchers proxies;

	private final ForwardedHeaderFilter remover = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter extractor = new ForwardedHeaderFilter();

	TrustedProxyFilter(ObjectProvider<TrustedProxies> properties) {
		// web slice tests have no configuration properties: then no proxy is trusted
		this.proxies = properties.getIfAvailable(() -> new TrustedProxies(List.of())).matchers();
		this.remover.setRemoveOnly(true);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.proxies.trusts(request.getRemoteAddr())) {
			this.remover.doFilter(request, response, chain);
			return;
		}
		String client = clientAddress(request);
		this.extractor.doFilter(request, response,
				(req, res) -> chain.doFilter(new ClientAddressRequest((HttpServletRequest) req, client), res));
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		// the container's error dispatch carries the unwrapped request: wrap it again
		doFilterInternal(request, response, chain);
	}

	/**
	 * The rightmost hop that is not a trusted proxy, from {@code Forwarded: for=…} when
	 * present, else {@code X-Forwarded-For}; the TCP peer when neither says more. A hop
	 * that is not an IP address (e.g. {@code unknown}) ends the walk at the last trusted
	 * proxy.
	 */
	String clientAddress(HttpServletRequest request) {
		List<String> hops = forwardedFor(request);
		String client = request.getRemoteAddr();
		for (int i = hops.size() - 1; i >= 0; i--) {
			Optional<InetAddress> hop = TrustedProxies.literal(hops.get(i));
			if (hop.isEmpty()) {
				return client;
			}
			client = hop.get().getHostAddress();
			if (!this.proxies.trusts(client)) {
				return client;
			}
		}
		return client;
	}

	private static List<String> forwardedFor(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		List<String> forwarded = Collections.list(request.getHeaders("Forwarded"));
		if (!forwarded.isEmpty()) {
			for (String header : forwarded) {
				for (String element : header.split(",")) {
					for (String pair : element.split(";")) {
						int eq = pair.indexOf('=');
						if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
							hops.add(node(pair.substring(eq + 1).strip()));
						}
					}
				}
			}
			return hops;
		}
		for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		return hops;
	}

	/**
	 * The address of an RFC 7239 node: {@code 192.0.2.43}, {@code "192.0.2.43:47011"},
	 * {@code "[2001:db8:cafe::17]:4711"}.
	 */
	private static String node(String value) {
		String node = value;
		if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
			node = node.substring(1, node.length() - 1);
		}
		if (node.startsWith("[")) {
			int end = node.indexOf(']');
			return end > 0 ? node.substring(1, end) : node;
		}
		int colon = node.indexOf(':');
		return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
	}

	/**
	 * The request as the client sent it to the proxy: its address instead of the proxy's.
	 */
	private static final class ClientAddressRequest extends HttpServletRequestWrapper {

		private final String address;

		ClientAddressRequest(HttpServletRequest request, String address) {
			super(request);
			this.address = address;
		}

		@Override
		public String getRemoteAddr() {
			return this.address;
		}

		@Override
		public String getRemoteHost() {
			return this.address;
		}

	}

}
