package kz.zhilyego.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where the data lives between runs; empty means a throwaway server shared
 * by every application context in this JVM, each context getting a fresh database (tests)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param database database name in persistent mode
 * @param serverConfig extra {@code postgresql.conf} settings passed to the server at
 * start (e.g. {@code shared_preload_libraries: pg_stat_statements} for a profiling run);
 * empty by default
 */
@ConfigurationProperties("zhilyego.embedded-db")
record EmbeddedDatabaseProperties(@Nullable String dataDir, int port, String database,
		@Nullable Map<String, String> serverConfig) {

	EmbeddedDatabaseProperties {
		if (database == null || database.isBlank()) {
			database = "zhilyego";
		}
		serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
	}

	boolean persistent() {
		return this.dataDir != null && !this.dataDir.isBlank();
	}

}
