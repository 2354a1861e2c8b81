package kz.zhilyego.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;

/**
 * Meters that belong to no business module: {@code zhilyego.database.up} (1 when a pooled
 * connection answers, checked at most every {@code zhilyego.ops.database-check-interval})
 * and the sync-failure counters the integrations register into,
 * {@code zhilyego.integrations.sync.failures{integration="ical"|"webhook"}} — registered
 * here at zero so the alert rules and dashboard have their series from the start.
 */
@Configuration(proxyBeanMethods = false)
class OperationsMeters {

	/** Integrations whose sync failures are counted. */
	static final String[] INTEGRATIONS = { "ical", "webhook" };

	private final DataSource dataSource;

	private final long intervalNanos;

	private final AtomicBoolean up = new AtomicBoolean(true);

	private volatile long checkedAt;

	private volatile boolean checked;

	OperationsMeters(DataSource dataSource, MeterRegistry registry, OpsProperties properties) {
		this.dataSource = dataSource;
		this.intervalNanos = properties.databaseCheckInterval().toNanos();
		Gauge.builder("zhilyego.database.up", this, meters -> meters.databaseUp() ? 1 : 0)
			.description("1 while the database answers, 0 while it does not")
			.register(registry);
		for (String integration : INTEGRATIONS) {
			Counter.builder("zhilyego.integrations.sync.failures")
				.description("Failed calendar (iCal) and webhook synchronisations")
				.tag("integration", integration)
				.register(registry);
		}
	}

	boolean databaseUp() {
		long now = System.nanoTime();
		if (!this.checked || now - this.checkedAt >= this.intervalNanos) {
			this.checkedAt = now;
			this.checked = true;
			try (Connection connection = this.dataSource.getConnection()) {
				this.up.set(connection.isValid(2));
			}
			catch (SQLException ex) {
				this.up.set(false);
			}
		}
		return this.up.get();
	}

}
