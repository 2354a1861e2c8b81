package kz.zhilyego.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The site's own colours (static/css/app.css) keep text readable: every text colour
 * against the background it is shown on has a contrast ratio of at least 4.5:1 (WCAG 2.x
 * AA for normal text). Each rule of app.css that sets a text colour or a background is
 * checked: with its own background and colour, else with where it sits ({@link #SITS_ON})
 * or the text it carries ({@link #TEXT_ON}); a rule that sets a text colour without
 * either fails until this test is told its background.
 */
class TextContrastTest {

	private static final Path APP_CSS = Path.of("src/main/resources/static/css/app.css");

	static final double AA = 4.5;

	/** Bootstrap's body text colour and the two backgrounds of ЖильеGO's pages. */
	private static final String BODY_TEXT = "#212529";

	private static final String PAGE = "#f7f8fa";

	private static final String CARD = "#fff";

	/** Where the text of a rule that sets only a colour is shown (all of the listed). */
	static final Map<String, List<String>> SITS_ON = Map.of(".zg-hero .zg-search", List.of(CARD), ".zg-total",
			List.of(CARD, PAGE), ".zg-cal .zg-past", List.of(CARD), ".zg-steps li", List.of(PAGE),
			".zg-steps li.active", List.of(PAGE), ".zg-steps li.done", List.of(PAGE));

	/** The text colour on a rule that sets only a background (else the body text). */
	static final Map<String, String> TEXT_ON = Map.of(".zg-skip", "#0d6efd", ".zg-heart-btn.is-favorite", "#dc3545");

	/** Backgrounds that carry no text: colour swatches, the empty photo placeholder. */
	static final Set<String> NO_TEXT = Set.of(".zg-nophoto", ".zg-legend.zg-free", ".zg-legend.zg-busy",
			".zg-legend.zg-chosen");

	private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

	private static final Pattern COLOR = Pattern
		.compile("#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b|rgba?\\(([^)]*)\\)|var\\((--[\\w-]+)\\)");

	@Test
	void everyTextColourOfAppCssMeetsWcagAa() {
		List<String> low = lowContrast(read(APP_CSS));
		assertThat(low).as("text/background pairs of app.css under %s:1", AA).isEmpty();
	}

	@Test
	void theCheckComputesWcagRatiosAndFindsLowPairs() {
		assertThat(ratio("#000", "#fff")).isCloseTo(21.0, within(0.01));
		assertThat(ratio("#fff", "#fff")).isCloseTo(1.0, within(0.01));
		// Bootstrap's primary on white, the well-known borderline pair
		assertThat(ratio("#0d6efd", "#ffffff")).isCloseTo(4.50, within(0.01));
		assertThat(ratio("#6c757d", "#f7f8fa")).isLessThan(AA);
		String css = ":root { --x: #6ea8fe; }\n.a { color: #fff; background: linear-gradient(#0a58ca, var(--x)); }\n"
				+ "@media (min-width: 1px) { .b { background: #fff0f1; } }\n.zg-steps li { color: #6c757d; }\n"
				+ ".c { color: #123456; }\n.d { color: inherit; background: #fff; }";
		assertThat(lowContrast(css)).containsExactly(".a: #fff on #6ea8fe = 2.42",
				".zg-steps li: #6c757d on #f7f8fa = 4.41", ".c: a text colour on an unknown background");
	}

	static List<String> lowContrast(String css) {
		Map<String, Map<String, String>> rules = rules(css);
		Map<String, String> variables = rules.getOrDefault(":root", Map.of());
		List<String> low = new ArrayList<>();
		for (Map.Entry<String, Map<String, String>> rule : rules.entrySet()) {
			String selector = rule.getKey();
			String color = rule.getValue().get("color");
			String background = rule.getValue().getOrDefault("background", rule.getValue().get("background-color"));
			if (color != null && (color.contains("inherit") || color.contains("currentColor"))) {
				color = null;
			}
			if (color == null && (background == null || NO_TEXT.contains(selector))) {
				continue;
			}
			List<String> texts = colors(color != null ? color : TEXT_ON.getOrDefault(selector, BODY_TEXT), variables);
			List<String> grounds;
			if (background != null) {
				grounds = colors(background, variables);
			}
			else if (SITS_ON.containsKey(selector)) {
				grounds = SITS_ON.get(selector);
			}
			else {
				low.add(selector + ": a text colour on an unknown background");
				continue;
			}
			for (String text : texts) {
				for (String ground : grounds) {
					double ratio = ratio(text, ground);
					if (ratio < AA) {
						low.add(String.format(Locale.ROOT, "%s: %s on %s = %.2f", selector, text, ground, ratio));
					}
				}
			}
		}
		return low;
	}

	/**
	 * Selector → declarations; a selector list is split, @media blocks count as plain
	 * rules.
	 */
	static Map<String, Map<String, String>> rules(String css) {
		Map<String, Map<String, String>> rules = new LinkedHashMap<>();
		Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
		while (rule.find()) {
			Map<String, String> declarations = new LinkedHashMap<>();
			for (String declaration : rule.group(2).split(";")) {
				int colon = declaration.indexOf(':');
				if (colon > 0) {
					declarations.put(declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							declaration.substring(colon + 1).replace("!important", "").trim());
				}
			}
			for (String selector : rule.group(1).split(",")) {
				rules.computeIfAbsent(selector.trim().replaceAll("\\s+", " "), s -> new LinkedHashMap<>())
					.putAll(declarations);
			}
		}
		return rules;
	}

	/**
	 * The colours in a value (every stop of a gradient), variables resolved, as #rrggbb
	 * or #rgb.
	 */
	static List<String> colors(String value, Map<String, String> variables) {
		List<String> colors = new ArrayList<>();
		Matcher m = COLOR.matcher(value);
		while (m.find()) {
			if (m.group(2) != null) {
				colors.addAll(colors(variables.getOrDefault(m.group(2), ""), variables));
			}
			else if (m.group(1) != null) {
				colors.add(overWhite(m.group(1)));
			}
			else {
				colors.add(m.group());
			}
		}
		return colors;
	}

	/** An rgb()/rgba() colour laid over white. */
	private static String overWhite(String arguments) {
		String[] parts = arguments.trim().split("[,\\s/]+");
		double alpha = parts.length > 3 ? Double.parseDouble(parts[3]) : 1;
		StringBuilder hex = new StringBuilder("#");
		for (int i = 0; i < 3; i++) {
			long channel = Math.round(Double.parseDouble(parts[i]) * alpha + 255 * (1 - alpha));
			hex.append(String.format("%02x", channel));
		}
		return hex.toString();
	}

	/** WCAG 2.x contrast ratio of two sRGB colours. */
	static double ratio(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		String h = hex.substring(1);
		if (h.length() == 3) {
			h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
		}
		double[] weights = { 0.2126, 0.7152, 0.0722 };
		double luminance = 0;
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
			luminance += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
		}
		return luminance;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
