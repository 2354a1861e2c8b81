package kz.zhilyego.web;

import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.catalog.ListingIndex;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code robots.txt} and {@code sitemap.xml}. The sitemap streams every active listing's
 * canonical URL straight to the response (constant memory at any catalogue size). One
 * file holds up to 50,000 URLs by the sitemap protocol; past that {@code sitemap.xml}
 * becomes an index of {@code sitemap-N.xml} parts.
 */
@Controller
class SeoFiles {

	/** URLs per sitemap file (the protocol allows 50,000). */
	static final int PER_FILE = 50_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final ListingIndex index;

	private final SiteUrls urls;

	SeoFiles(ListingIndex index, SiteUrls urls) {
		this.index = index;
		this.urls = urls;
	}

	@GetMapping("/robots.txt")
	org.springframework.http.ResponseEntity<String> robots() {
		return org.springframework.http.ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("""
				User-agent: *
				Allow: /
				Disallow: /account/
				Disallow: /book/
				Disallow: /payments/
				Disallow: /realtor/
				Disallow: /api/
				Disallow: /login
				Disallow: /register
				Sitemap: %s
				""".formatted(this.urls.absolute("/sitemap.xml")));
	}

	/**
	 * The sitemap: one file while the listings fit, else a sitemap index of
	 * {@code /sitemap-N.xml} files.
	 */
	@GetMapping("/sitemap.xml")
	void sitemap(HttpServletResponse response) throws IOException {
		long listings = this.index.countActive();
		if (listings + 2 <= PER_FILE) {
			listings(response, 0, PER_FILE, true);
			return;
		}
		String origin = this.urls.origin();
		Writer out = xml(response);
		out.write("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		long files = (listings + 2 + PER_FILE - 1) / PER_FILE;
		for (long n = 1; n <= files; n++) {
			out.write("  <sitemap><loc>" + escape(origin + "/sitemap-" + n + ".xml") + "</loc></sitemap>\n");
		}
		out.write("</sitemapindex>\n");
		out.flush();
	}

	/**
	 * Part {@code n} (from 1) of a sitemap index; the first part also lists home and
	 * search.
	 */
	@GetMapping("/sitemap-{n:[0-9]{1,6}}.xml")
	void sitemapPart(@org.springframework.web.bind.annotation.PathVariable int n, HttpServletResponse response)
			throws IOException {
		// part 1 also holds the home and search pages, so its listings are two fewer
		long offset = n == 1 ? 0 : (long) (n - 1) * PER_FILE - 2;
		if (n < 1 || (n > 1 && offset >= this.index.countActive())) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		listings(response, offset, PER_FILE, n == 1);
	}

	private Writer xml(HttpServletResponse response) throws IOException {
		response.setContentType("application/xml;charset=UTF-8");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		return out;
	}

	private void listings(HttpServletResponse response, long offset, int limit, boolean withPages) throws IOException {
		String origin = this.urls.origin();
		Writer out = xml(response);
		out.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		if (withPages) {
			url(out, origin + "/", null, "daily");
			url(out, origin + "/search", null, "hourly");
		}
		this.index.forEachActive(offset, withPages ? limit - 2 : limit, entry -> {
			try {
				url(out, origin + entry.path(), DAY.format(entry.updatedAt()), "weekly");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.write("</urlset>\n");
		out.flush();
	}

	private static void url(Writer out, String loc, @org.jspecify.annotations.Nullable String lastmod,
			String changefreq) throws IOException {
		out.write("  <url><loc>");
		out.write(escape(loc));
		out.write("</loc>");
		if (lastmod != null) {
			out.write("<lastmod>" + lastmod + "</lastmod>");
		}
		out.write("<changefreq>" + changefreq + "</changefreq></url>\n");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
