package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.RequestIds;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentQueue;
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

	/**
	 * The payment a guest's idempotency key started for the booking (the key itself is
	 * recorded by {@link kz.zhilyego.common.Idempotency}).
	 */
	public Optional<PaymentRow> findByKey(UUID bookingId, long guestId, String key) {
		return this.jdbc
			.sql("select * from payments where booking_id = :booking and guest_id = :guest and idempotency_key = :key")
			.param("booking", bookingId)
			.param("guest", guestId)
			.param("key", key)
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

	/**
	 * Claims the payments whose next status query is due — pending ones and the late
	 * checks of closed / UNKNOWN ones — by moving their {@code poll_after} to
	 * {@code leaseUntil}: another node (or a guest's page) skips them meanwhile, and a
	 * node that dies mid-poll only delays the next check. Oldest first.
	 */
	public List<PaymentRow> claimDuePolls(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update payments set poll_after = :lease
				where id in (
				    select id from payments
				    where poll_after <= :now and provider_payment_id is not null
				    order by poll_after, id limit :limit
				    for update skip locked)
				returning *
				""")
			.param("lease", utc(leaseUntil))
			.param("now", utc(now))
			.param("limit", limit)
			.query(Payments::map)
			.list();
	}

	/**
	 * Claims one payment's status query if it is due (or, {@code evenIfNotDue}, whenever
	 * it is being checked at all): empty when it is not checked or someone else has it.
	 */
	public Optional<PaymentRow> claimPoll(UUID id, Instant now, Instant leaseUntil, boolean evenIfNotDue) {
		return this.jdbc.sql("""
				update payments set poll_after = :lease
				where id = :id and provider_payment_id is not null and poll_after is not null
				  and (poll_after <= :now or :any)
				returning *
				""")
			.param("lease", utc(leaseUntil))
			.param("id", id)
			.param("now", utc(now))
			.param("any", evenIfNotDue)
			.query(Payments::map)
			.optional();
	}

	/**
	 * Records the remote invoice sent next to a checkout payment, as a payment of its
	 * own.
	 */
	public void insertRemoteInvoice(PaymentRow parent, String providerPaymentId, Instant pollAfter, Instant now) {
		this.jdbc
			.sql("""
					insert into payments (id, booking_id, guest_id, provider, status, amount, currency, provider_payment_id,
					    idempotency_key, poll_after, parent_payment_id, created_at, updated_at, request_id)
					values (:id, :booking, :guest, :provider, 'PENDING', :amount, :currency, :pid, :key, :pollAfter, :parent,
					    :now, :now, :requestId)
					""")
			.param("id", UUID.randomUUID())
			.param("booking", parent.bookingId())
			.param("guest", parent.guestId())
			.param("provider", parent.provider())
			.param("amount", parent.amount())
			.param("currency", parent.currency())
			.param("pid", providerPaymentId)
			.param("key", "remote-invoice:" + parent.id())
			.param("pollAfter", utc(pollAfter))
			.param("parent", parent.id())
			.param("now", utc(now))
			.param("requestId", parent.requestId() != null ? parent.requestId() : RequestIds.current())
			.update();
	}

	/**
	 * Whether a remote invoice of the booking may still be paid (then no second one is
	 * sent).
	 */
	public boolean hasPendingRemoteInvoice(UUID bookingId) {
		return this.jdbc.sql("""
				select count(*) from payments
				where booking_id = :booking and parent_payment_id is not null and status = 'PENDING'
				""").param("booking", bookingId).query(Long.class).single() > 0;
	}

	/** The booking's pending remote invoices. */
	public List<PaymentRow> pendingRemoteInvoices(UUID bookingId) {
		return this.jdbc.sql("""
				select * from payments
				where booking_id = :booking and parent_payment_id is not null and status = 'PENDING'
				order by created_at, id
				""").param("booking", bookingId).query(Payments::map).list();
	}

	/** The guest's payment in flight for the booking (not a remote invoice). */
	public Optional<PaymentRow> pendingCheckout(UUID bookingId, long guestId) {
		return this.jdbc.sql("""
				select * from payments
				where booking_id = :booking and guest_id = :guest and status = 'PENDING' and parent_payment_id is null
				""").param("booking", bookingId).param("guest", guestId).query(Payments::map).optional();
	}

	/**
	 * The guest's latest checkout payment of the booking (not a remote invoice): the one
	 * in flight if there is one, else the newest.
	 */
	public Optional<PaymentRow> latestCheckout(UUID bookingId, long guestId) {
		return this.jdbc.sql("""
				select * from payments
				where booking_id = :booking and guest_id = :guest and parent_payment_id is null
				order by (status = 'PENDING') desc, created_at desc, id limit 1
				""").param("booking", bookingId).param("guest", guestId).query(Payments::map).optional();
	}

	public void recordExpiry(UUID id, Instant expiresAt) {
		this.jdbc.sql("update payments set qr_expires_at = :at where id = :id")
			.param("at", utc(expiresAt))
			.param("id", id)
			.update();
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

	/**
	 * Records what the provider opened: its id, where to pay, the first status query, the
	 * QR's expiry, and the remote invoice sent with it (a payment of its own, polled and
	 * settled like any other).
	 */
	public void attachProvider(PaymentRow row, PaymentGateway.Created created, Instant pollAfter, Instant now) {
		attachProvider(row.id(), created.providerPaymentId(), created.redirectUrl(), created.qrPayload(), pollAfter,
				now);
		if (created.expiresAt() != null) {
			recordExpiry(row.id(), created.expiresAt());
		}
		if (created.remoteInvoiceId() != null) {
			insertRemoteInvoice(row, created.remoteInvoiceId(), pollAfter, now);
		}
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
				    poll_after = null, late_check_until = null, updated_at = :now
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

	/** Closes a PENDING (or UNKNOWN) payment for good: nobody asks about it any more. */
	public boolean close(UUID id, PaymentStatus to, String reason, Instant now) {
		return this.jdbc.sql("""
				update payments set status = :to, failure_reason = :reason, closed_at = :now, poll_after = null,
				    late_check_until = null, updated_at = :now
				where id = :id and status in ('PENDING', 'UNKNOWN')
				""")
			.param("to", to.name())
			.param("reason", reason)
			.param("now", utc(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Closes a PENDING payment (no longer in flight: the guest may start another) but
	 * keeps asking about it every now and then until {@code checkUntil}, in case it was
	 * paid at the last second.
	 */
	public boolean closeButCheck(UUID id, PaymentStatus to, String reason, Instant now, Instant nextCheck,
			Instant checkUntil) {
		return this.jdbc.sql("""
				update payments set status = :to, failure_reason = :reason, closed_at = :now, poll_after = :next,
				    late_check_until = :until, updated_at = :now
				where id = :id and status = 'PENDING'
				""")
			.param("to", to.name())
			.param("reason", reason)
			.param("now", utc(now))
			.param("next", utc(nextCheck))
			.param("until", utc(checkUntil))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * PENDING → UNKNOWN, flagged for a person with the reason (the first reason is kept);
	 * still asked about until {@code checkUntil}.
	 */
	public boolean markUnknown(UUID id, String reason, Instant now, Instant nextCheck, Instant checkUntil) {
		return this.jdbc.sql("""
				update payments set status = 'UNKNOWN', failure_reason = :reason, poll_after = :next,
				    late_check_until = :until, review_reason = coalesce(review_reason, :reason),
				    review_flagged_at = coalesce(review_flagged_at, :now), review_resolved_at = null, updated_at = :now
				where id = :id and status = 'PENDING'
				""")
			.param("reason", reason)
			.param("now", utc(now))
			.param("next", utc(nextCheck))
			.param("until", utc(checkUntil))
			.param("id", id)
			.update() == 1;
	}

	/** The next status query (pending payments and late checks alike). */
	public void pollAgainAt(UUID id, Instant at, Instant now) {
		this.jdbc.sql("""
				update payments set poll_after = :at, updated_at = :now
				where id = :id and poll_after is not null
				""").param("at", utc(at)).param("now", utc(now)).param("id", id).update();
	}

	/** Nobody asks the provider about this payment any more. */
	public void stopChecking(UUID id, Instant now) {
		this.jdbc.sql("""
				update payments set poll_after = null, late_check_until = null, updated_at = :now
				where id = :id and status <> 'PENDING'
				""").param("now", utc(now)).param("id", id).update();
	}

	/**
	 * A person (or, with {@code by} null, the provider's final answer) settled the case
	 * of a flagged / UNKNOWN payment.
	 */
	public boolean resolveReview(UUID id, @Nullable Long by, String note, Instant now) {
		return this.jdbc.sql("""
				update payments set review_resolved_at = :now, review_resolved_by = :by, review_note = :note,
				    updated_at = :now
				where id = :id and review_resolved_at is null and (review_reason is not null or status = 'UNKNOWN')
				""").param("now", utc(now)).param("by", by).param("note", note).param("id", id).update() == 1;
	}

	public boolean markRefunded(UUID id, PaymentStatus to, Instant now) {
		return this.jdbc.sql("""
				update payments set status = :to, updated_at = :now
				where id = :id and status in ('PAID', 'PARTIALLY_REFUNDED')
				""").param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
	}

	/** Payments in doubt (flagged or UNKNOWN) nobody resolved yet, oldest first. */
	public List<PaymentQueue.PaymentInDoubt> inDoubt(int limit) {
		return this.jdbc.sql("""
				select * from payments
				where review_resolved_at is null and (review_reason is not null or status = 'UNKNOWN')
				order by created_at, id limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new PaymentQueue.PaymentInDoubt(rs.getObject("id", UUID.class),
					rs.getObject("booking_id", UUID.class), rs.getString("provider"),
					rs.getString("provider_payment_id"), PaymentStatus.valueOf(rs.getString("status")),
					rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("review_reason"),
					Sql.requiredInstant(rs, "created_at")))
			.list();
	}

	/**
	 * The provider's payments to compare for a day: created, paid or refunded within
	 * {@code [from, to)}, oldest first.
	 */
	public List<PaymentRow> ofDay(String provider, Instant from, Instant to) {
		return this.jdbc.sql("""
				select * from payments p
				where p.provider = :provider and p.provider_payment_id is not null
				  and ((p.created_at >= :from and p.created_at < :to)
				    or (p.paid_at >= :from and p.paid_at < :to)
				    or exists (select 1 from refunds r where r.payment_id = p.id
				               and r.completed_at >= :from and r.completed_at < :to))
				order by p.created_at, p.id
				""")
			.param("provider", provider)
			.param("from", utc(from))
			.param("to", utc(to))
			.query(Payments::map)
			.list();
	}

	static PaymentRow map(ResultSet rs, int row) throws SQLException {
		return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class),
				rs.getLong("guest_id"), rs.getString("provider"), PaymentStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("provider_payment_id"),
				rs.getString("redirect_url"), rs.getString("qr_payload"), rs.getString("idempotency_key"),
				Sql.instant(rs, "poll_after"), Sql.requiredInstant(rs, "created_at"), rs.getBigDecimal("paid_amount"),
				Sql.instant(rs, "paid_at"), Sql.instant(rs, "qr_expires_at"),
				rs.getObject("parent_payment_id", UUID.class), Sql.instant(rs, "late_check_until"),
				rs.getString("review_reason"), rs.getString("request_id"));
	}

}
