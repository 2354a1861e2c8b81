package kz.zhilyego.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where the data lives between runs; empty means a throwaway server shared
 * by every application context in this JVM, each context getting a fresh database (tests)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param database database name in persistent mode
 */
@ConfigurationProperties("zhilyego.embedded-db")
record EmbeddedDatabaseProperties(@Nullable String dataDir, int port, String database) {

	EmbeddedDatabaseProperties {
		if (database == null || database.isBlank()) {
			database = "zhilyego";
		}
	}

	boolean persistent() {
		return this.dataDir != null && !this.dataDir.isBlank();
	}

}
