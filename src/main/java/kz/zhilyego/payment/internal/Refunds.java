package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.RefundStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * SQL for refunds. A refund is created at most once per booking cancellation and once per
 * automatic return of a payment (partial unique indexes); an attempt first claims the
 * refund with a lease so two nodes never call the provider for it at the same time.
 */
@Repository
public class Refunds {

	private final JdbcClient jdbc;

	Refunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the refund unless one of this kind exists; returns the id either way.
	 * {@code byHand}: the provider cannot refund by API, the refund waits (MANUAL) for a
	 * person.
	 */
	public UUID create(UUID paymentId, UUID bookingId, RefundRow.Kind kind, String reason, Money amount, Instant now,
			boolean byHand) {
		this.jdbc.sql("""
				insert into refunds (id, payment_id, booking_id, kind, reason, amount, currency, status,
				    next_attempt_at, created_at)
				values (:id, :payment, :booking, :kind, :reason, :amount, :currency, :status,
				    case when :status = 'PENDING' then cast(:now as timestamptz) end, :now)
				on conflict do nothing
				""")
			.param("status", byHand ? "MANUAL" : "PENDING")
			.param("id", UUID.randomUUID())
			.param("payment", paymentId)
			.param("booking", bookingId)
			.param("kind", kind.name())
			.param("reason", reason)
			.param("amount", amount.amount())
			.param("currency", amount.currency())
			.param("now", utc(now))
			.update();
		String sql = kind == RefundRow.Kind.CANCELLATION
				? "select id from refunds where booking_id = :booking and kind = 'CANCELLATION'"
				: "select id from refunds where payment_id = :payment and kind = 'AUTOMATIC'";
		return this.jdbc.sql(sql).param("booking", bookingId).param("payment", paymentId).query(UUID.class).single();
	}

	public Optional<RefundRow> find(UUID id) {
		return this.jdbc.sql("select * from refunds where id = :id").param("id", id).query(Refunds::map).optional();
	}

	/**
	 * Claims a due PENDING refund for one attempt: counts the attempt and moves its next
	 * attempt to {@code leaseUntil}, so nobody else tries it meanwhile.
	 */
	public Optional<RefundRow> claim(UUID id, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update refunds set attempts = attempts + 1, next_attempt_at = :lease
				where id = :id and status = 'PENDING' and next_attempt_at <= :now
				returning *
				""")
			.param("lease", utc(leaseUntil))
			.param("id", id)
			.param("now", utc(now))
			.query(Refunds::map)
			.optional();
	}

	public boolean succeed(UUID id, String providerRefundId, Instant now) {
		return this.jdbc.sql("""
				update refunds set status = 'SUCCEEDED', provider_refund_id = :pid, completed_at = :now,
				    next_attempt_at = null, last_error = null
				where id = :id and status = 'PENDING'
				""").param("pid", providerRefundId).param("now", utc(now)).param("id", id).update() == 1;
	}

	public void retryAt(UUID id, Instant at, String error) {
		this.jdbc
			.sql("update refunds set next_attempt_at = :at, last_error = :error where id = :id and status = 'PENDING'")
			.param("at", utc(at))
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	public boolean fail(UUID id, String error, Instant now) {
		return this.jdbc.sql("""
				update refunds set status = 'FAILED', last_error = :error, completed_at = :now, next_attempt_at = null
				where id = :id and status = 'PENDING'
				""").param("error", truncate(error)).param("now", utc(now)).param("id", id).update() == 1;
	}

	/**
	 * A person made the refund by hand in the provider's cabinet: FAILED / MANUAL →
	 * SUCCEEDED, with who and their note.
	 */
	public boolean settleByHand(UUID id, String reference, long by, String note, Instant now) {
		return this.jdbc.sql("""
				update refunds set status = 'SUCCEEDED', provider_refund_id = :reference, completed_at = :now,
				    next_attempt_at = null, settled_by = :by, settled_note = :note
				where id = :id and status in ('FAILED', 'MANUAL')
				""")
			.param("reference", reference)
			.param("now", utc(now))
			.param("by", by)
			.param("note", note)
			.param("id", id)
			.update() == 1;
	}

	/** Refunds waiting for a person (FAILED and MANUAL), oldest first. */
	public List<RefundRow> toDo(int limit) {
		return this.jdbc.sql("""
				select * from refunds where status in ('FAILED', 'MANUAL')
				order by created_at, id limit :limit
				""").param("limit", limit).query(Refunds::map).list();
	}

	/** What was refunded (SUCCEEDED) for the payment, apart from one refund. */
	public BigDecimal succeededTotalExcept(UUID paymentId, UUID refundId) {
		return this.jdbc.sql("""
				select coalesce(sum(amount), 0) from refunds
				where payment_id = :payment and status = 'SUCCEEDED' and id <> :refund
				""").param("payment", paymentId).param("refund", refundId).query(BigDecimal.class).single();
	}

	public List<UUID> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from refunds where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id limit :limit
				""").param("now", utc(now)).param("limit", limit).query(UUID.class).list();
	}

	public List<RefundRow> ofPayment(UUID paymentId) {
		return this.jdbc.sql("select * from refunds where payment_id = :payment order by created_at, id")
			.param("payment", paymentId)
			.query(Refunds::map)
			.list();
	}

	public Optional<RefundRow> latestOfBooking(UUID bookingId) {
		return this.jdbc.sql("select * from refunds where booking_id = :booking order by created_at desc, id limit 1")
			.param("booking", bookingId)
			.query(Refunds::map)
			.optional();
	}

	public BigDecimal succeededTotal(UUID paymentId) {
		return this.jdbc
			.sql("select coalesce(sum(amount), 0) from refunds where payment_id = :payment and status = 'SUCCEEDED'")
			.param("payment", paymentId)
			.query(BigDecimal.class)
			.single();
	}

	private static String truncate(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	static RefundRow map(ResultSet rs, int row) throws SQLException {
		return new RefundRow(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getObject("booking_id", UUID.class), RefundRow.Kind.valueOf(rs.getString("kind")),
				rs.getString("reason"), rs.getBigDecimal("amount"), rs.getString("currency"),
				RefundStatus.valueOf(rs.getString("status")), rs.getString("provider_refund_id"), rs.getInt("attempts"),
				Sql.instant(rs, "next_attempt_at"), rs.getString("last_error"), Sql.requiredInstant(rs, "created_at"),
				Sql.instant(rs, "completed_at"));
	}

}
