package kz.zhilyego.identity.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells the security entry points whether Spring MVC has a handler for a request, so that
 * a signed-out visitor of an unknown URL gets the 404 page instead of a sign-in redirect.
 * It asks the same {@link HandlerMapping}s as the dispatcher, in the same order, on a
 * copy of the request whose attributes do not leak back (Spring's
 * {@code HandlerMappingIntrospector} does the same but is deprecated in Spring Framework
 * 7). The static-resource handlers count as "no handler": they match any path and answer
 * 404 for a missing file themselves. Anything in doubt (an exception, e.g. a known path
 * with another HTTP method) counts as "has a handler", so access stays denied by default.
 */
@Component
public class KnownPaths {

	private static final Logger log = LoggerFactory.getLogger(KnownPaths.class);

	private final ObjectProvider<HandlerMapping> mappings;

	private volatile @Nullable List<HandlerMapping> ordered;

	KnownPaths(ObjectProvider<HandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/** Whether a controller (or another non-static handler) would serve this request. */
	public boolean hasHandler(HttpServletRequest request) {
		List<HandlerMapping> list = this.ordered;
		if (list == null) {
			list = this.mappings.orderedStream().toList();
			this.ordered = list;
		}
		HttpServletRequest probe = new IsolatedRequest(request);
		try {
			ServletRequestPathUtils.parseAndCache(probe);
			for (HandlerMapping mapping : list) {
				HandlerExecutionChain chain = mapping.getHandler(probe);
				if (chain != null) {
					return !(chain.getHandler() instanceof ResourceHttpRequestHandler);
				}
			}
			return false;
		}
		catch (Exception ex) {
			// cannot tell: treat the path as real, so the visitor is asked to sign in
			log.debug("Handler lookup failed for {}, treated as a known path", request.getRequestURI(), ex);
			return true;
		}
	}

	/** Keeps attributes set during the lookup to itself. */
	private static final class IsolatedRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		IsolatedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (this.attributes.containsKey(name)) {
				return this.attributes.get(name);
			}
			return this.removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public java.util.Enumeration<String> getAttributeNames() {
			Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
			names.removeAll(this.removed);
			names.addAll(this.attributes.keySet());
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			if (value == null) {
				removeAttribute(name);
				return;
			}
			this.removed.remove(name);
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
			this.removed.add(name);
		}

	}

}
