package kz.zhilyego.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Looks up the content-hashed URL of static files only. Spring's resource handler is
 * mapped at {@code /**}, so every link a page writes ({@code @{...}}) is looked up as a
 * possible static file, and a link to a page ({@code /search}, a listing's path) is a
 * miss through every jar of the class path on every render: a quarter of a listing page's
 * render CPU (docs/benchmarks.md, issue 19). This lookup has Spring's resource handlers,
 * but its patterns match only paths under the folders that hold static files
 * ({@link #PREFIXES}, every top-level entry of {@code src/main/resources/static} and the
 * webjars; {@code StaticFileLinksTest} checks it), so any other link is "not a static
 * file" at once and stays as written.
 * <p>
 * Installed per rendered view by {@link Exposing}: Spring exposes its lookup to the
 * URL-rewriting response in a request attribute before the handler runs; setting the
 * attribute again after the handler, before rendering, swaps in this one.
 */
final class StaticFileLinks {

	static final List<String> PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/", "/manifest.webmanifest");

	private StaticFileLinks() {
	}

	static boolean mayBeStatic(String lookupPath) {
		for (String prefix : PREFIXES) {
			if (lookupPath.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Spring's lookup, with its handlers, limited to {@link #PREFIXES}. */
	static ResourceUrlProvider limiting(ResourceUrlProvider spring) {
		ResourceUrlProvider limited = new ResourceUrlProvider();
		limited.setUrlPathHelper(spring.getUrlPathHelper());
		limited.setPathMatcher(new StaticOnly());
		limited.setHandlerMap(spring.getHandlerMap());
		return limited;
	}

	/** Ant patterns that match nothing outside the static folders. */
	private static final class StaticOnly extends AntPathMatcher {

		@Override
		public boolean match(String pattern, String path) {
			return mayBeStatic(path) && super.match(pattern, path);
		}

	}

	/** Puts the limited lookup in place of Spring's for a view about to render. */
	static final class Exposing implements HandlerInterceptor {

		private volatile @Nullable Limited current;

		private record Limited(ResourceUrlProvider spring, ResourceUrlProvider links) {
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView view) {
			if (view != null && request.getAttribute(
					ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider spring) {
				Limited limited = this.current;
				if (limited == null || limited.spring() != spring) {
					limited = new Limited(spring, limiting(spring));
					this.current = limited;
				}
				request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR,
						limited.links());
			}
		}

	}

}
