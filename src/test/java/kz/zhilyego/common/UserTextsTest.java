package kz.zhilyego.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import kz.zhilyego.notification.NotificationKind;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the texts say to people: no text sends a realtor or a guest to a file of the
 * source repository, and every kind of message has a name in every language (the message
 * history and the settings show it; a missing one reads {@code ??web.settings.kind.…??}).
 */
class UserTextsTest {

	private static final Pattern REPOSITORY_FILE = Pattern.compile("docs/\\S*\\.md|src/main/|\\.java\\b");

	@Test
	void noTextSendsPeopleToAFileOfTheRepository() throws IOException {
		List<String> found = new ArrayList<>();
		int texts = 0;
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:i18n/*.properties")) {
			Properties bundle = load(resource);
			for (String key : bundle.stringPropertyNames()) {
				texts++;
				if (REPOSITORY_FILE.matcher(bundle.getProperty(key)).find()) {
					found.add(resource.getFilename() + ": " + key);
				}
			}
		}
		assertThat(texts).isGreaterThan(1000);
		assertThat(found).isEmpty();
	}

	@Test
	void everyKindOfMessageHasANameInEveryLanguage() throws IOException {
		for (String suffix : List.of("", "_kk", "_en")) {
			Properties all = new Properties();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath:i18n/*" + suffix + ".properties")) {
				String name = resource.getFilename();
				if (name != null && (suffix.isEmpty() ? !name.matches(".*_(kk|en)\\.properties") : true)) {
					all.putAll(load(resource));
				}
			}
			for (NotificationKind kind : NotificationKind.values()) {
				assertThat(all.getProperty("web.settings.kind." + kind.name())).as(kind + " in '" + suffix + "'")
					.isNotBlank();
			}
		}
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
