package kz.zhilyego.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key exists in Russian, Kazakh and English, and no translation is blank.
 */
class I18nSyncTest {

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		Resource[] defaults = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
		int bundles = 0;
		for (Resource resource : defaults) {
			String name = resource.getFilename();
			if (name == null || name.matches(".*_(kk|en|ru)\\.properties")) {
				continue;
			}
			bundles++;
			String base = name.substring(0, name.length() - ".properties".length());
			Properties ru = load("i18n/" + name);
			for (String language : new String[] { "kk", "en" }) {
				Properties other = load("i18n/" + base + "_" + language + ".properties");
				assertThat(keys(other)).as(base + "_" + language + " keys").isEqualTo(keys(ru));
				other.forEach((key, value) -> assertThat(value.toString()).as(base + "_" + language + ":" + key)
					.isNotBlank());
			}
		}
		assertThat(bundles).isPositive();
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nSyncTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
