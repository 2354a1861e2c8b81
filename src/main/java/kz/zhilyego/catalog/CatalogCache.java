package kz.zhilyego.catalog;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bounded in-memory cache of catalog reads, correct with any number of app nodes: every
 * value is labelled with the versions of the data it was read from
 * ({@code cache_versions}, bumped by triggers on every change, V70), and a reader first
 * reads the current versions (one primary-key read) — a value of other versions is read
 * again. Read the versions before the data, in the same transaction or, in auto-commit,
 * in an earlier statement on the same connection: a value can then only be fresher than
 * its label, never staler, also on a replica (ADR 0006).
 */
@Component
class CatalogCache {

	private final JdbcClient jdbc;

	private final Cache<Object, Labelled> cache;

	CatalogCache(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.cache = Caffeine.newBuilder()
			.maximumSize(2_000)
			.expireAfterAccess(Duration.ofMinutes(30))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, "catalog");
	}

	/** The versions of reference data and of what search results show. */
	record Versions(long dictionaries, long listings) {
	}

	private record Labelled(Versions versions, Object value) {
	}

	Versions versions() {
		return this.jdbc.sql("""
				select coalesce(max(version) filter (where name = 'dictionaries'), 0) as dictionaries,
				       coalesce(max(version) filter (where name = 'listings'), 0) as listings
				from cache_versions
				""").query((rs, n) -> new Versions(rs.getLong("dictionaries"), rs.getLong("listings"))).single();
	}

	/**
	 * The cached value of {@code key} if it was read with {@code versions}, otherwise
	 * {@code loader}'s (cached under them).
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Versions versions, Supplier<T> loader) {
		Labelled cached = this.cache.getIfPresent(key);
		if (cached != null && cached.versions().equals(versions)) {
			return (T) cached.value();
		}
		T value = loader.get();
		this.cache.put(key, new Labelled(versions, value));
		return value;
	}

}
