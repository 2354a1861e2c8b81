package kz.zhilyego.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup rules of the templates and scripts that keep pages valid and steady: htmx
 * attributes are written {@code data-hx-*} (htmx reads both; only the {@code data-} form
 * is valid HTML), and every image has {@code width} and {@code height}, so the browser
 * keeps its place before it loads (no layout shift).
 */
class TemplateMarkupTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	/** An attribute set through {@code th:attr}: at the start or after a comma. */
	private static final Pattern TH_ATTR_NAME = Pattern.compile("(?:^|,)\\s*([\\w:-]+)\\s*=");

	private static final Pattern SCRIPT_IMG_TAG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern SCRIPT_NEW_IMG = Pattern
		.compile("createElement\\(\\s*['\"]img['\"]\\s*\\)|new\\s+Image\\s*\\(");

	@Test
	void templatesWriteHtmxAttributesAsDataHx() {
		List<String> bare = new ArrayList<>();
		for (Path template : files(TEMPLATES, ".html")) {
			bare.addAll(bareHtmx(TEMPLATES.relativize(template).toString(), parse(template)));
		}
		assertThat(bare).as("hx-* attributes: write them as data-hx-* so the HTML validates").isEmpty();
	}

	@Test
	void everyImageOfATemplateOrScriptHasWidthAndHeight() {
		List<String> unsized = new ArrayList<>();
		for (Path template : files(TEMPLATES, ".html")) {
			unsized.addAll(unsizedImages(TEMPLATES.relativize(template).toString(), parse(template)));
		}
		for (Path script : files(SCRIPTS, ".js")) {
			unsized.addAll(unsizedScriptImages(script.getFileName().toString(), read(script)));
		}
		assertThat(unsized).as("images without width and height (they shift the page when they load)").isEmpty();
	}

	@Test
	void theChecksFindBareHtmxAndUnsizedImages() {
		Document bad = Jsoup.parse("<div hx-get=\"/a\" data-hx-trigger=\"load\"></div>"
				+ "<section th:attr=\"data-hx-get=@{/b},hx-swap='outerHTML'\"></section><p th:hx-post=\"@{/c}\"></p>"
				+ "<img src=\"a.webp\" width=\"10\"><img th:src=\"@{/b}\" th:width=\"${w}\" height=\"5\">");
		assertThat(bareHtmx("t", bad)).containsExactly("t: <div> hx-get", "t: <section> hx-swap", "t: <p> th:hx-post");
		assertThat(unsizedImages("t", bad)).containsExactly("t: <img src=\"a.webp\" width=\"10\">");

		Document good = Jsoup.parse("<div data-hx-get=\"/a\" th:attr=\"data-hx-post=@{/b},aria-label=#{x}\"></div>"
				+ "<img src=\"a.webp\" width=\"10\" height=\"5\">");
		assertThat(bareHtmx("t", good)).isEmpty();
		assertThat(unsizedImages("t", good)).isEmpty();

		assertThat(unsizedScriptImages("s.js", "el.innerHTML = '<img src=\"x.webp\" alt=\"\">';")).hasSize(1);
		assertThat(unsizedScriptImages("s.js", "const i = document.createElement('img');")).hasSize(1);
		assertThat(unsizedScriptImages("s.js", "el.innerHTML = '<img src=\"x\" width=\"4\" height=\"3\">';")).isEmpty();
		assertThat(unsizedScriptImages("s.js", "const i = document.createElement('img'); i.width = 4; i.height = 3;"))
			.isEmpty();
	}

	static List<String> bareHtmx(String name, Document document) {
		List<String> bare = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
				if (key.startsWith("hx-") || key.startsWith("th:hx-") || key.startsWith("data-th-hx-")) {
					bare.add(name + ": <" + element.tagName() + "> " + key);
				}
				if (key.equals("th:attr") || key.equals("data-th-attr")) {
					Matcher m = TH_ATTR_NAME.matcher(attribute.getValue());
					while (m.find()) {
						if (m.group(1).startsWith("hx-")) {
							bare.add(name + ": <" + element.tagName() + "> " + m.group(1));
						}
					}
				}
			}
		}
		return bare;
	}

	static List<String> unsizedImages(String name, Document document) {
		List<String> unsized = new ArrayList<>();
		for (Element img : document.select("img")) {
			if (!(sized(img, "width") && sized(img, "height"))) {
				unsized.add(name + ": " + img.outerHtml());
			}
		}
		return unsized;
	}

	private static boolean sized(Element img, String attribute) {
		return img.hasAttr(attribute) || img.hasAttr("th:" + attribute) || img.hasAttr("data-th-" + attribute);
	}

	static List<String> unsizedScriptImages(String name, String script) {
		List<String> unsized = new ArrayList<>();
		Matcher tags = SCRIPT_IMG_TAG.matcher(script);
		while (tags.find()) {
			if (!(tags.group().contains("width=") && tags.group().contains("height="))) {
				unsized.add(name + ": " + tags.group());
			}
		}
		Matcher created = SCRIPT_NEW_IMG.matcher(script);
		while (created.find()) {
			if (!(script.contains(".width =") && script.contains(".height ="))) {
				unsized.add(name + ": " + created.group() + " without .width and .height");
			}
		}
		return unsized;
	}

	private static Document parse(Path template) {
		return Jsoup.parse(read(template));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
			assertThat(found).as("files under %s", root).isNotEmpty();
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
