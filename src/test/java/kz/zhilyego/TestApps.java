package kz.zhilyego;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Starts extra, independent instances of the application from test code (a second app
 * node in a reliability test, the app under benchmark). Outside Spring's test framework
 * nothing keeps test classes out of component scanning, so every class compiled from
 * {@code src/test/java} is excluded here; test beans are added explicitly as sources.
 */
public final class TestApps {

	private TestApps() {
	}

	/**
	 * Runs the application with the given properties (as command-line arguments) and
	 * extra configuration classes, e.g. {@link TestClockConfig}.
	 */
	public static ConfigurableApplicationContext start(Map<String, ?> properties, Class<?>... extraSources) {
		Class<?>[] sources = new Class<?>[extraSources.length + 1];
		sources[0] = ZhilyeGoApplication.class;
		System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
		SpringApplication app = new SpringApplication(sources);
		app.addInitializers(context -> context.getBeanFactory()
			.registerSingleton("excludeTestClassesFromScan", new ExcludeTestClasses()));
		Map<String, Object> args = new LinkedHashMap<>(properties);
		return app
			.run(args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	/** The HTTP port the instance listens on. */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static final class ExcludeTestClasses extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			String location = reader.getResource().getURL().toString();
			return location.contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestClasses;
		}

		@Override
		public int hashCode() {
			return ExcludeTestClasses.class.hashCode();
		}

	}

}
