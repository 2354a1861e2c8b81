package kz.zhilyego.common.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.RequestIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: gives it its request id — the proxy's
 * {@code X-Request-Id} when the connection comes from a {@link TrustedProxies trusted
 * proxy} and the value is sane, a new one otherwise — puts it in the logging context for
 * the request's lifetime, in the {@code X-Request-Id} response header and in a request
 * attribute (so the error dispatch after a failure keeps the same id).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	/** Request attribute holding the id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private final TrustedProxies.Matchers proxies;

	public RequestIdFilter(TrustedProxies proxies) {
		this.proxies = proxies.matchers();
	}

	@Autowired
	RequestIdFilter(ObjectProvider<TrustedProxies> proxies) {
		// web slice tests have no configuration properties: then no proxy is trusted
		this(proxies.getIfAvailable(() -> new TrustedProxies(List.of())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request);
		request.setAttribute(ATTRIBUTE, id);
		if (!response.containsHeader(RequestIds.HEADER)) {
			response.setHeader(RequestIds.HEADER, id);
		}
		try (RequestIds.Scope scope = RequestIds.open(id)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private String requestId(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof String known) {
			return known;
		}
		String offered = request.getHeader(RequestIds.HEADER);
		if (offered != null && RequestIds.isValid(offered) && this.proxies.trusts(peer(request))) {
			return offered;
		}
		return RequestIds.newId();
	}

	/**
	 * The address of the connection itself, beneath any wrapper that rewrites the remote
	 * address from forwarded headers.
	 */
	static String peer(ServletRequest request) {
		ServletRequest inner = request;
		while (inner instanceof ServletRequestWrapper wrapper) {
			inner = wrapper.getRequest();
		}
		return inner.getRemoteAddr();
	}

}
