package kz.zhilyego.identity;

import java.time.Clock;
import java.util.Map;

import kz.zhilyego.common.Instants;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (a database trigger refuses UPDATE and DELETE). Record
 * critical actions: sign-ins and failures, role changes, blocks, code reveals, staff
 * cancellations, settings changes, API keys. Joins the caller's transaction when there is
 * one.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final LoginMeters meters;

	AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.meters = new LoginMeters(registry);
	}

	/**
	 * Appends one entry.
	 * @param actorId who did it; null for the system or an anonymous caller
	 * @param action a stable dotted name, e.g. {@code booking.cancelled-by-staff}
	 * @param subjectType what was acted on, e.g. {@code user}, {@code booking}
	 * @param subjectId its id
	 * @param details anything else worth keeping (stored as JSONB); never secrets
	 */
	public void record(@Nullable Long actorId, String action, @Nullable String subjectType, @Nullable String subjectId,
			Map<String, ?> details) {
		this.jdbc.sql("""
				insert into audit_log (at, actor_id, action, subject_type, subject_id, details)
				values (:at, :actor, :action, :subjectType, :subjectId, cast(:details as jsonb))
				""")
			.param("at", Instants.utc(this.clock.instant()))
			.param("actor", actorId)
			.param("action", action)
			.param("subjectType", subjectType)
			.param("subjectId", subjectId)
			.param("details", this.json.writeValueAsString(details))
			.update();
		this.meters.recorded(action, details);
	}

}
