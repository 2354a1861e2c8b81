package kz.zhilyego;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One naming rule for web entry points, so a reader knows what a class answers from its
 * name: {@code *ApiController} answers the JSON API, {@code *Pages} answers HTML pages.
 * The few endpoints that are neither — webhooks of outside services, media files, robots
 * and sitemap, the container's error path — are listed here by name.
 */
class ControllerNamesTest {

	private static final Path MAIN = Path.of("src/main/java/kz/zhilyego");

	private static final Pattern REST = Pattern.compile("(?m)^@RestController\\b");

	private static final Pattern HTML = Pattern.compile("(?m)^@Controller\\b");

	private static final Set<String> NEITHER = Set.of("TelegramWebhookController", "PaymentWebhookController",
			"MediaController", "SiteErrorController", "SeoFiles");

	@Test
	void restControllersEndInApiControllerAndPageControllersInPages() throws IOException {
		List<Path> sources;
		try (Stream<Path> files = Files.walk(MAIN)) {
			sources = files.filter(f -> f.toString().endsWith(".java")).toList();
		}
		int checked = 0;
		for (Path source : sources) {
			String text = Files.readString(source);
			String name = source.getFileName().toString().replace(".java", "");
			if (NEITHER.contains(name)) {
				continue;
			}
			if (REST.matcher(text).find()) {
				assertThat(name).as("%s is a @RestController", source).endsWith("ApiController");
				checked++;
			}
			else if (HTML.matcher(text).find()) {
				assertThat(name).as("%s is a @Controller of pages", source).endsWith("Pages");
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(40);
	}

}
