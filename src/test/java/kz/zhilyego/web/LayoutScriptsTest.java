package kz.zhilyego.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page with the site's header also loads the site's scripts: the header's phone menu
 * opens only through site.js (docs/web.md, "No Bootstrap JavaScript"), and four pages
 * without them had a menu that could not be opened.
 */
class LayoutScriptsTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyPageWithTheSiteHeaderLoadsTheSiteScripts() throws IOException {
		List<Path> pages;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			pages = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
				try {
					return Files.readString(f).contains("fragments/layout :: header");
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
		assertThat(pages).hasSizeGreaterThan(50);
		for (Path page : pages) {
			assertThat(Files.readString(page)).as(page.toString()).contains("fragments/layout :: scripts");
		}
	}

}
