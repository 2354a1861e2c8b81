package kz.zhilyego.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Zones;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets caches serve the public listing page to visitors who are not signed in: a weak
 * ETag (a conditional GET that matches is a 304 without rendering; weak so that the page
 * is still gzipped) and a shared in-memory cache of the rendered page. Both are keyed by
 * the listing's page version (its content version and the reference data's, one
 * primary-key read per request; V70 triggers bump it when the listing, its prices,
 * photos, amenities, published reviews or occupied nights change), the language and the
 * day, so a change on any node is seen by the next request on every node. The page's host
 * card (the owner's name, agency, other listings and reply time; other modules' tables)
 * is only as fresh as a five-minute period, which is part of the key too. Only a plain
 * GET of the canonical path without a query string is cached, and only a 200 that sets no
 * cookie; signed-in visitors (favourites, forms with CSRF tokens) always get a fresh
 * page. Runs inside the security filter chain's order (after it), so security headers are
 * written as for every page.
 */
class ListingPageCache extends OncePerRequestFilter {

	private static final Pattern LISTING_PATH = Pattern
		.compile("^/(?!api/)[a-z0-9-]+/[a-z0-9-]+/[a-z0-9-]+-(\\d{1,18})$");

	/**
	 * The release and this process's start: a new release (new templates) never answers
	 * 304 to a page of the old one. Nodes started at other times answer each other's
	 * conditional requests with a 200 (never a wrong 304).
	 */
	private static final String BUILD = Optional
		.ofNullable(ListingPageCache.class.getPackage().getImplementationVersion())
		.orElse("dev") + "." + Long.toString(System.currentTimeMillis(), 36);

	/** How long the host card of a cached page may lag (see the class comment). */
	static final Duration HOST_CARD_LAG = Duration.ofMinutes(5);

	private final ListingCatalog catalog;

	private final LocaleResolver locales;

	private final Clock clock;

	private final Cache<String, Page> pages;

	ListingPageCache(ListingCatalog catalog, LocaleResolver localeResolver, Clock clock, MeterRegistry meters) {
		this.catalog = catalog;
		this.locales = localeResolver;
		this.clock = clock;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(64L * 1024 * 1024)
			.<String, Page>weigher((key, page) -> page.body().length + key.length())
			.expireAfterWrite(HOST_CARD_LAG)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.pages, "listing-pages");
	}

	private record Page(byte[] body, String contentType) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| !LISTING_PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = LISTING_PATH.matcher(request.getRequestURI());
		if (!matcher.matches() || !anonymous(request)) {
			chain.doFilter(request, response);
			return;
		}
		long id = Long.parseLong(matcher.group(1));
		ListingCatalog.PageVersion version = this.catalog.pageVersion(id).orElse(null);
		if (version == null) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = this.locales.resolveLocale(request);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		// the host card (the owner's name, other listings, rating, reply time) comes from
		// other modules' tables: it may lag by at most one period
		long hostPeriod = this.clock.instant().getEpochSecond() / HOST_CARD_LAG.toSeconds();
		String tag = "\"l" + id + "." + version.content() + "." + version.dictionaries() + "."
				+ Language.of(locale).code() + "." + today + "." + hostPeriod + "." + BUILD + "\"";
		// weak: the gzipped and the plain page are the same page, and Tomcat compresses
		// no response that carries a strong ETag (the page went out as 60 KB of plain
		// HTML)
		String etag = "W/" + tag;
		response.setHeader(HttpHeaders.ETAG, etag);
		// any cache may keep it, but must ask again (a 304 costs one primary-key read)
		response.setHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
		response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && ifNoneMatch.contains(tag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		// the origin too: without zhilyego.web.base-url the page's canonical and Open
		// Graph links come from the request's Host, which a client chooses — keyed by
		// path
		// alone, one request with a forged Host would give every visitor its links
		String key = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ request.getRequestURI() + " " + tag;
		Page cached = this.pages.getIfPresent(key);
		if (cached != null) {
			response.setContentType(cached.contentType());
			response.setContentLength(cached.body().length);
			response.getOutputStream().write(cached.body());
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String contentType = wrapper.getContentType();
		if (wrapper.getStatus() == HttpServletResponse.SC_OK && contentType != null
				&& contentType.startsWith("text/html") && !wrapper.getHeaderNames().contains(HttpHeaders.SET_COOKIE)
				&& request.getSession(false) == null) {
			this.pages.put(key, new Page(wrapper.getContentAsByteArray(), contentType));
		}
		wrapper.copyBodyToResponse();
	}

	private static boolean anonymous(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return request.getSession(false) == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& (authentication == null || authentication instanceof AnonymousAuthenticationToken
						|| !authentication.isAuthenticated());
	}

}
