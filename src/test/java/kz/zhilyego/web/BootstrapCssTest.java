package kz.zhilyego.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages load Bootstrap's CSS reduced to the selectors they use
 * ({@code static/css/bootstrap-used.css}, made by {@code tools/purge-css}), not the whole
 * 230 KB. A Bootstrap class a template or script uses that the reduced CSS lacks fails
 * here: regenerate it (docs/web.md, "Page weight").
 */
class BootstrapCssTest {

	private static final Path REDUCED = Path.of("src/main/resources/static/css/bootstrap-used.css");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	/** A rule's selector list: what stands before a block. */
	private static final Pattern PRELUDE = Pattern.compile("([^{};]+)\\{");

	private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

	/**
	 * Classes set by script: className = '…', classList.add/toggle/remove('…'),
	 * class="…".
	 */
	private static final Pattern SCRIPT_CLASSES = Pattern.compile(
			"className\\s*=\\s*['\"]([^'\"]*)['\"]|classList\\.(?:add|toggle|remove|replace)\\(\\s*['\"]([^'\"]*)['\"]"
					+ "|class=\\\\?['\"]([^'\"\\\\]*)");

	@Test
	void everyBootstrapClassThePagesUseIsInTheReducedCss() {
		Set<String> bootstrap = classes(fullBootstrapCss());
		Set<String> reduced = classes(read(REDUCED));
		Set<String> used = new TreeSet<>();
		for (Path template : files(TEMPLATES, ".html")) {
			used.addAll(templateClasses(Jsoup.parse(read(template))));
		}
		for (Path script : files(SCRIPTS, ".js")) {
			used.addAll(scriptClasses(read(script)));
		}
		assertThat(used).as("classes found in templates and scripts").contains("container", "btn", "zg-card");
		assertThat(missing(used, bootstrap, reduced))
			.as("Bootstrap classes used but not in %s: run tools/purge-css", REDUCED)
			.isEmpty();
		// the navbar's collapse on a phone: the rules for the classes its script adds
		assertThat(reduced).contains("collapse", "show", "collapsing", "navbar-collapse");
	}

	@Test
	void theReducedCssIsSmallerAndOfTheWebjarsBootstrapVersion() {
		String version = new WebJarVersionLocator().version("bootstrap");
		String reduced = read(REDUCED);
		assertThat(reduced).startsWith("@charset \"UTF-8\";/*!\n * Bootstrap  v" + version + " ")
			.doesNotContain("sourceMappingURL");
		assertThat(reduced.length()).isLessThan(fullBootstrapCss().length() / 3);
		String layout = read(TEMPLATES.resolve("fragments/layout.html"));
		assertThat(layout).contains("@{/css/bootstrap-used.css}").doesNotContain("bootstrap.min.css");
	}

	@Test
	void theCheckFindsAClassTheReducedCssLacks() {
		Set<String> bootstrap = classes(".btn{color:red}.placeholder-wave{opacity:1}@media (min-width:1px){.d-md-none"
				+ "{display:none}}.text-bg-info,.a>.text-bg-dark:hover{color:#000}");
		Set<String> reduced = classes(".btn{color:red}");
		assertThat(bootstrap).containsExactlyInAnyOrder("btn", "placeholder-wave", "d-md-none", "text-bg-info", "a",
				"text-bg-dark");
		Set<String> used = new TreeSet<>(templateClasses(Jsoup.parse("<p class=\"btn placeholder-wave zg-own\"></p>"
				+ "<span th:classappend=\"${x} ? 'text-bg-info' : 'text-bg-dark'\"></span>")));
		used.addAll(scriptClasses("el.classList.toggle('d-md-none', on); el.innerHTML = '<b class=\"a\">';"));
		assertThat(missing(used, bootstrap, reduced)).containsExactly("a", "d-md-none", "placeholder-wave",
				"text-bg-dark", "text-bg-info");
	}

	private static Set<String> missing(Set<String> used, Set<String> bootstrap, Set<String> reduced) {
		Set<String> missing = new TreeSet<>(used);
		missing.retainAll(bootstrap);
		missing.removeAll(reduced);
		return missing;
	}

	/** The class names in the selectors of a style sheet. */
	static Set<String> classes(String css) {
		Set<String> classes = new TreeSet<>();
		Matcher rule = PRELUDE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
		while (rule.find()) {
			String prelude = rule.group(1).trim();
			if (prelude.startsWith("@")) {
				continue;
			}
			Matcher selector = CLASS_SELECTOR.matcher(prelude);
			while (selector.find()) {
				classes.add(selector.group(1));
			}
		}
		return classes;
	}

	/**
	 * The classes a template writes: its {@code class} attributes and the quoted literals
	 * of {@code th:class} / {@code th:classappend}.
	 */
	static List<String> templateClasses(Document document) {
		List<String> classes = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey();
				if (key.equals("class")) {
					classes.addAll(List.of(attribute.getValue().trim().split("\\s+")));
				}
				else if (key.matches("(th:|data-th-)class(append)?")) {
					Matcher literal = QUOTED.matcher(attribute.getValue());
					while (literal.find()) {
						classes.addAll(List.of(literal.group(1).trim().split("\\s+")));
					}
				}
			}
			if (element.tagName().equals("script")) {
				classes.addAll(scriptClasses(element.data()));
			}
		}
		classes.removeIf(String::isEmpty);
		return classes;
	}

	static List<String> scriptClasses(String script) {
		List<String> classes = new ArrayList<>();
		Matcher m = SCRIPT_CLASSES.matcher(script);
		while (m.find()) {
			for (int group = 1; group <= m.groupCount(); group++) {
				if (m.group(group) != null) {
					classes.addAll(List.of(m.group(group).trim().split("\\s+")));
				}
			}
		}
		classes.removeIf(String::isEmpty);
		return classes;
	}

	private static String fullBootstrapCss() {
		String path = new WebJarVersionLocator().fullPath("bootstrap", "dist/css/bootstrap.min.css");
		try (InputStream in = BootstrapCssTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
