package kz.zhilyego.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template side of {@link I18nSyncTest}: a template shows no literal words, only
 * texts from the bundles ({@code th:text="#{…}"}, {@code [[#{…}]]},
 * {@code th:placeholder} and the like). A word a person reads (a text node, or a
 * {@code placeholder}, {@code title}, {@code alt} or {@code aria-label}) that no
 * Thymeleaf attribute replaces fails, unless it is a name that is the same in every
 * language ({@link #ALLOWED}).
 */
class TemplateTextsTest {

	/** Brand, product and format names, language names and codes: never translated. */
	static final Set<String> ALLOWED = Set.of("ЖильеGO", "Жилье", "GO", "CSV", "XLSX", "PDF", "API", "ID", "QR",
			"Kaspi", "Telegram", "Airbnb", "https", "RU", "KK", "EN", "ҚАЗ", "Русский", "Қазақша", "English",
			// an example of an audit action code in the audit log's filter
			"login");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Thymeleaf attributes that replace an element's body. */
	private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"data-th-text", "data-th-utext");

	private static final List<String> READ_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label");

	/** Inline expressions ({@code [[…]]}, {@code [(…)]}) are filled in from the model. */
	private static final Pattern INLINE = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]+");

	@Test
	void templatesShowNoLiteralWords() {
		List<String> literals = new ArrayList<>();
		List<Path> templates = templates();
		assertThat(templates).as("templates found").isNotEmpty();
		for (Path template : templates) {
			Document document = parse(template);
			String name = TEMPLATES.relativize(template).toString();
			for (Element element : document.getAllElements()) {
				for (TextNode text : element.textNodes()) {
					if (!replaced(element) && !inCode(element)) {
						words(text.text()).forEach(w -> literals.add(name + ": <" + element.tagName() + "> " + w));
					}
				}
				for (String attribute : READ_ATTRIBUTES) {
					if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute)
							&& !element.hasAttr("th:attr")) {
						words(element.attr(attribute)).forEach(
								w -> literals.add(name + ": " + attribute + " of <" + element.tagName() + "> " + w));
					}
				}
			}
		}
		assertThat(literals).as("literal words in templates: take them from the i18n bundles (#{…})").isEmpty();
	}

	@Test
	void theCheckFindsALiteralWordAndPassesBundleTexts() {
		Document literal = Jsoup.parse("<p>Забронировать</p><input placeholder=\"Город\">");
		Document bundled = Jsoup.parse("<p th:text=\"#{book}\">Забронировать</p><p>[[#{book}]] · ЖильеGO</p>"
				+ "<input placeholder=\"Город\" th:placeholder=\"#{city}\">");
		assertThat(words(literal.select("p").first().textNodes().getFirst().text())).containsExactly("Забронировать");
		assertThat(replaced(bundled.selectFirst("p"))).isTrue();
		assertThat(words(bundled.select("p").get(1).textNodes().getFirst().text())).isEmpty();
		assertThat(bundled.selectFirst("input").hasAttr("th:placeholder")).isTrue();
	}

	/** The words of a text that are not allowed, inline expressions left out. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher m = WORD.matcher(INLINE.matcher(text).replaceAll(" "));
		while (m.find()) {
			if (!ALLOWED.contains(m.group())) {
				words.add(m.group());
			}
		}
		return words;
	}

	/** Whether the element or one around it has its body replaced by Thymeleaf. */
	static boolean replaced(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			for (String attribute : REPLACING) {
				// th:remove="tag" keeps the body
				if (e.hasAttr(attribute) && !(attribute.equals("th:remove") && e.attr(attribute).equals("tag"))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean inCode(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (Set.of("script", "style", "code", "pre").contains(e.tagName())) {
				return true;
			}
		}
		return false;
	}

	private static Document parse(Path template) {
		try {
			return Jsoup.parse(Files.readString(template));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> templates() {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
