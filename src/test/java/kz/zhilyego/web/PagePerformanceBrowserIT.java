package kz.zhilyego.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Slugs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Largest Contentful Paint and Cumulative Layout Shift of the main public pages at phone
 * size over a throttled mobile network (150 ms round trips, 9 Mbit/s down, no browser
 * cache; after one unmeasured visit of each page warmed the server), recorded in
 * {@code target/page-performance.json}. Fails when a page shifts its layout (CLS above
 * 0.1, the "good" limit) or its LCP regresses beyond {@value #LCP_LIMIT_MS} ms — wider
 * than the 2.5 s target because the suite runs on a shared, busy machine; the absolute
 * figures are in docs/benchmarks.md.
 */
@IntegrationTest
class PagePerformanceBrowserIT {

	private static final long LCP_LIMIT_MS = 4000;

	private static final double CLS_LIMIT = 0.1;

	private static final String OBSERVE = """
			const done = arguments[arguments.length - 1];
			let lcp = 0, cls = 0;
			new PerformanceObserver(list => {
			  for (const e of list.getEntries()) { lcp = e.renderTime || e.loadTime || e.startTime; }
			}).observe({ type: 'largest-contentful-paint', buffered: true });
			new PerformanceObserver(list => {
			  for (const e of list.getEntries()) { if (!e.hadRecentInput) { cls += e.value; } }
			}).observe({ type: 'layout-shift', buffered: true });
			setTimeout(() => done({ lcp: lcp, cls: cls }), 500);
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mainPagesPaintFastAndDoNotShiftOnAThrottledPhone() throws Exception {
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long listing = catalog.listing().title("Светлая студия у парка").district("esil").create();
		for (int i = 0; i < 8; i++) {
			catalog.listing().title("Квартира " + i).district("esil").create();
		}
		List<String> pages = List.of("/", "/search?city=astana",
				"/astana/esil/kvartira-" + Slugs.of("Светлая студия у парка") + "-" + listing);
		Map<String, Map<String, Object>> measured = new LinkedHashMap<>();
		try (Browser browser = new Browser(this.port)) {
			browser.size(Browser.PHONE);
			ChromeDriver chrome = (ChromeDriver) browser.driver();
			// the server's first render of each template (cold JIT and template cache) is
			// not what a phone measures
			for (String page : pages) {
				browser.open(page);
			}
			chrome.executeCdpCommand("Network.enable", Map.of());
			chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
					"downloadThroughput", 9_000_000 / 8, "uploadThroughput", 1_500_000 / 8));
			chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
			for (String page : pages) {
				browser.open(page);
				@SuppressWarnings("unchecked")
				Map<String, Object> vitals = (Map<String, Object>) ((JavascriptExecutor) chrome)
					.executeAsyncScript(OBSERVE);
				measured.put(page, vitals);
			}
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "page-performance.json"), measured.toString());
		for (Map.Entry<String, Map<String, Object>> page : measured.entrySet()) {
			double lcp = ((Number) page.getValue().get("lcp")).doubleValue();
			double cls = ((Number) page.getValue().get("cls")).doubleValue();
			assertThat(lcp).as("LCP of %s, ms", page.getKey()).isPositive().isLessThanOrEqualTo(LCP_LIMIT_MS);
			assertThat(cls).as("CLS of %s", page.getKey()).isLessThanOrEqualTo(CLS_LIMIT);
		}
	}

}
