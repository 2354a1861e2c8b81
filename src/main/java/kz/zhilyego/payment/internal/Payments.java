package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.RequestIds;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * SQL for payments. Status changes are compare-and-set on the expected status; callers
 * that decide on the current status read it under {@link #lock(UUID)}.
 */
@Repository
public class Payments {

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(PaymentRow p) {
		this.jdbc.sql("""
				insert into payments (id, booking_id, guest_id, provider, status, amount, currency, idempotency_key,
				    created_at, updated_at, request_id)
				values (:id, :booking, :guest, :provider, 'PENDING', :amount, :currency, :key, :now, :now, :requestId)
				""")
			.param("id", p.id())
			.param("booking", p.bookingId())
			.param("guest", p.guestId())
			.param("provider", p.provider())
			.param("amount", p.amount())
			.param("currency", p.currency())
			.param("key", p.idempotencyKey())
			.param("now", utc(p.createdAt()))
			.param("requestId", RequestIds.current())
			.update();
	}

	/** The id of the request that started the payment, when known. */
	public Optional<String> requestIdOf(UUID id) {
		return this.jdbc.sql("select request_id from payments where id = :id and request_id is not null")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public Optional<PaymentRow> find(UUID id) {
		return this.jdbc.sql("select * from payments where id = :id").param("id", id).query(Payments::map).optional();
	}

	/**
	 * Reads the payment under a row lock (held until the transaction ends). Every path
	 * that settles a payment takes this lock first, before it writes a row that refers to
	 * the payment (event, refund, ledger entry): one lock order. {@code no key update}
	 * does not block the key-share lock such foreign keys take, so an insert referring to
	 * the payment in another transaction never deadlocks against it.
	 */
	public Optional<PaymentRow> lock(UUID id) {
		return this.jdbc.sql("select * from payments where id = :id for no key update")
			.param("id", id)
			.query(Payments::map)
			.optional();
	}

	public Optional<PaymentRow> findByProviderId(String provider, String providerPaymentId) {
		return this.jdbc.sql("select * from payments where provider = :provider and provider_payment_id = :pid")
			.param("provider", provider)
			.param("pid", providerPaymentId)
			.query(Payments::map)
			.optional();
	}

	public List<PaymentRow> pendingOfBooking(UUID bookingId) {
		return this.jdbc.sql("select * from payments where booking_id = :booking and status = 'PENDING'")
			.param("booking", bookingId)
			.query(Payments::map)
			.list();
	}

	public Optional<PaymentRow> latestOfBooking(UUID bookingId) {
		return this.jdbc.sql("""
				select * from payments where booking_id = :booking
				order by (paid_at is not null) desc, created_at desc, id limit 1
				""").param("booking", bookingId).query(Payments::map).optional();
	}

	/** Pending payments whose next status query is due, oldest first. */
	public List<PaymentRow> duePolls(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from payments
				where status = 'PENDING' and provider_payment_id is not null and poll_after <= :now
				order by poll_after, id limit :limit
				""").param("now", utc(now)).param("limit", limit).query(Payments::map).list();
	}

	public void attachProvider(UUID id, String providerPaymentId, @Nullable String redirectUrl,
			@Nullable String qrPayload, Instant pollAfter, Instant now) {
		this.jdbc.sql("""
				update payments set provider_payment_id = :pid, redirect_url = :redirect, qr_payload = :qr,
				    poll_after = :pollAfter, updated_at = :now
				where id = :id
				""")
			.param("pid", providerPaymentId)
			.param("redirect", redirectUrl)
			.param("qr", qrPayload)
			.param("pollAfter", utc(pollAfter))
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	/** Removes a payment the provider never opened (its creation failed). */
	public void deleteUnopened(UUID id) {
		this.jdbc.sql("delete from payments where id = :id and provider_payment_id is null and status = 'PENDING'")
			.param("id", id)
			.update();
	}

	public boolean markPaid(UUID id, PaymentStatus from, BigDecimal paidAmount, Instant now) {
		return this.jdbc.sql("""
				update payments set status = 'PAID', paid_amount = :paid, paid_at = :now, closed_at = :now,
				    poll_after = null, updated_at = :now
				where id = :id and status = :from
				""")
			.param("paid", paidAmount)
			.param("now", utc(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/**
	 * Flags the payment for a person (status unchanged); the first reason is kept.
	 * @return whether it was not flagged before
	 */
	public boolean flagForReview(UUID id, String reason, Instant now) {
		return this.jdbc.sql("""
				update payments set review_reason = :reason, review_flagged_at = :now, updated_at = :now
				where id = :id and review_reason is null
				""").param("reason", reason).param("now", utc(now)).param("id", id).update() == 1;
	}

	public boolean close(UUID id, PaymentStatus to, String reason, Instant now) {
		return this.jdbc.sql("""
				update payments set status = :to, failure_reason = :reason, closed_at = :now, poll_after = null,
				    updated_at = :now
				where id = :id and status = 'PENDING'
				""")
			.param("to", to.name())
			.param("reason", reason)
			.param("now", utc(now))
			.param("id", id)
			.update() == 1;
	}

	public void pollAgainAt(UUID id, Instant at, Instant now) {
		this.jdbc.sql("update payments set poll_after = :at, updated_at = :now where id = :id and status = 'PENDING'")
			.param("at", utc(at))
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	public boolean markRefunded(UUID id, PaymentStatus to, Instant now) {
		return this.jdbc.sql("""
				update payments set status = :to, updated_at = :now
				where id = :id and status in ('PAID', 'PARTIALLY_REFUNDED')
				""").param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
	}

	static PaymentRow map(ResultSet rs, int row) throws SQLException {
		return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class),
				rs.getLong("guest_id"), rs.getString("provider"), PaymentStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("provider_payment_id"),
				rs.getString("redirect_url"), rs.getString("qr_payload"), rs.getString("idempotency_key"),
				Sql.instant(rs, "poll_after"), Sql.requiredInstant(rs, "created_at"), rs.getBigDecimal("paid_amount"),
				Sql.instant(rs, "paid_at"));
	}

}
