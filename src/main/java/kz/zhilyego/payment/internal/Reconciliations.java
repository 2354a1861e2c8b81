package kz.zhilyego.payment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.payment.PaymentQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * SQL for the daily reconciliation: one run per day (its unique day lets one node claim
 * it) and the differences found, open until a person resolves them.
 */
@Repository
public class Reconciliations {

	private final JdbcClient jdbc;

	Reconciliations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the day's run; empty when another node (or an earlier run) has it. A run
	 * that started over an hour ago and never finished (its node died) is taken over; the
	 * differences it found are kept once (unique per run, payment and kind).
	 */
	public Optional<Long> claim(LocalDate day, String provider, Instant now) {
		return this.jdbc.sql("""
				insert into payment_reconciliations (day, provider, started_at) values (:day, :provider, :now)
				on conflict (day) do update set started_at = excluded.started_at
				where payment_reconciliations.finished_at is null
				  and payment_reconciliations.started_at < :stale
				returning id
				""")
			.param("day", day)
			.param("provider", provider)
			.param("now", utc(now))
			.param("stale", utc(now.minus(java.time.Duration.ofHours(1))))
			.query(Long.class)
			.optional();
	}

	public void difference(long runId, UUID paymentId, String kind, String ours, String theirs, Instant now) {
		this.jdbc.sql("""
				insert into payment_differences (reconciliation_id, payment_id, kind, ours, theirs, found_at)
				values (:run, :payment, :kind, :ours, :theirs, :now)
				on conflict do nothing
				""")
			.param("run", runId)
			.param("payment", paymentId)
			.param("kind", kind)
			.param("ours", ours)
			.param("theirs", theirs)
			.param("now", utc(now))
			.update();
	}

	public void finish(long runId, int checked, int differences, int unchecked, Instant now) {
		this.jdbc.sql("""
				update payment_reconciliations set finished_at = :now, checked = :checked, differences = :differences,
				    unchecked = :unchecked
				where id = :id
				""")
			.param("now", utc(now))
			.param("checked", checked)
			.param("differences", differences)
			.param("unchecked", unchecked)
			.param("id", runId)
			.update();
	}

	/** The latest finished run. */
	public PaymentQueue.LastReconciliation last() {
		return this.jdbc.sql("""
				select day, checked, differences, unchecked, finished_at from payment_reconciliations
				where finished_at is not null order by day desc, id desc limit 1
				""")
			.query((rs, n) -> new PaymentQueue.LastReconciliation(rs.getObject("day", LocalDate.class),
					rs.getInt("checked"), rs.getInt("differences"), rs.getInt("unchecked"),
					Sql.instant(rs, "finished_at")))
			.optional()
			.orElse(new PaymentQueue.LastReconciliation(null, 0, 0, 0, null));
	}

	/** The run of a day, if it finished. */
	public Optional<PaymentQueue.LastReconciliation> of(LocalDate day) {
		return this.jdbc.sql("""
				select day, checked, differences, unchecked, finished_at from payment_reconciliations
				where day = :day and finished_at is not null
				""")
			.param("day", day)
			.query((rs, n) -> new PaymentQueue.LastReconciliation(rs.getObject("day", LocalDate.class),
					rs.getInt("checked"), rs.getInt("differences"), rs.getInt("unchecked"),
					Sql.instant(rs, "finished_at")))
			.optional();
	}

	public List<PaymentQueue.Difference> openDifferences(int limit) {
		return this.jdbc.sql("""
				select d.id, r.day, d.payment_id, p.booking_id, d.kind, d.ours, d.theirs, d.found_at
				from payment_differences d
				join payment_reconciliations r on r.id = d.reconciliation_id
				join payments p on p.id = d.payment_id
				where d.resolved_at is null
				order by d.found_at, d.id limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new PaymentQueue.Difference(rs.getLong("id"), rs.getObject("day", LocalDate.class),
					rs.getObject("payment_id", UUID.class), rs.getObject("booking_id", UUID.class),
					rs.getString("kind"), rs.getString("ours"), rs.getString("theirs"),
					Sql.requiredInstant(rs, "found_at")))
			.list();
	}

	public boolean resolve(long id, long by, @Nullable String note, Instant now) {
		return this.jdbc.sql("""
				update payment_differences set resolved_at = :now, resolved_by = :by, note = :note
				where id = :id and resolved_at is null
				""").param("now", utc(now)).param("by", by).param("note", note).param("id", id).update() == 1;
	}

	public boolean exists(long id) {
		return this.jdbc.sql("select count(*) from payment_differences where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** The figures of the latest finished run, for the metrics (zeros before any). */
	public long[] lastFigures() {
		PaymentQueue.LastReconciliation last = last();
		long open = this.jdbc.sql("select count(*) from payment_differences where resolved_at is null")
			.query(Long.class)
			.single();
		return new long[] { last.checked(), last.differences(), last.unchecked(), open,
				last.finishedAt() == null ? 0 : last.finishedAt().getEpochSecond() };
	}

}
