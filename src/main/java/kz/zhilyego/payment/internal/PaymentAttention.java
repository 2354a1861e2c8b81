package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.PaymentGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments that need a person, for the problems page: payments flagged because a callback
 * disagreed with them (amount, currency, none), not yet resolved, and refunds that failed
 * for good. Actions: "confirm" a flagged payment as paid with its own amount (the person
 * checked the provider's cabinet: it confirms the booking or is refunded automatically,
 * as any payment), "resolved" with a note (nothing to do), and "retry" a failed refund
 * now (attempts start over). When the provider's payment queue ({@code /admin/payments})
 * exists, its entries are resolved there too: both close the same columns.
 */
@Component
class PaymentAttention implements AttentionSource {

	private final JdbcClient jdbc;

	private final SettlePayment settle;

	private final Payments payments;

	private final ExecuteRefunds refunds;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentAttention(JdbcClient jdbc, SettlePayment settle, Payments payments, ExecuteRefunds refunds,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.settle = settle;
		this.payments = payments;
		this.refunds = refunds;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "payments";
	}

	private static final String OPEN = """
			select 'payment:' || p.id as key, p.review_reason as kind, p.review_flagged_at as since, p.id as payment_id,
			       p.booking_id, p.amount, p.currency, p.status, null as refund_error
			from payments p where p.review_reason is not null and p.review_resolved_at is null
			union all
			select 'refund:' || r.id, 'refund_failed', coalesce(r.completed_at, r.created_at), r.payment_id, r.booking_id,
			       r.amount, r.currency, r.status, r.last_error
			from refunds r where r.status = 'FAILED'
			""";

	@Override
	public List<Item> open(int limit) {
		return this.jdbc.sql("select * from (" + OPEN + ") x order by since, key limit :limit")
			.param("limit", limit)
			.query((rs, n) -> {
				String key = rs.getString("key");
				boolean refund = key.startsWith("refund:");
				String kind = rs.getString("kind");
				List<Action> actions = refund
						? List.of(new Action("retry", "attention.action.retryRefund", false, true))
						: List.of(new Action("confirm", "attention.action.confirmPayment", false, true),
								new Action("resolve", "attention.action.resolve", true, false));
				List<Object> args = new ArrayList<>(
						List.of(rs.getBigDecimal("amount").toPlainString(), rs.getString("currency"), kind));
				String bookingId = rs.getString("booking_id");
				return new Item(key, kind, refund ? "attention.payment.refundFailed" : "attention.payment.flagged",
						args, rs.getTimestamp("since").toInstant(), "booking", bookingId,
						"/realtor/bookings/" + bookingId, actions,
						Map.of("status", rs.getString("status"), "paymentId", rs.getString("payment_id"), "error",
								rs.getString("refund_error") == null ? "" : rs.getString("refund_error")));
			})
			.list();
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from (" + OPEN + ") x").query(Long.class).single();
	}

	@Override
	public Outcome act(String itemKey, String action, long actorId, @Nullable String note) {
		int colon = itemKey.indexOf(':');
		UUID id;
		try {
			id = UUID.fromString(itemKey.substring(colon + 1));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw ProblemException.notFound("payment.notFound");
		}
		if (open(1000).stream().noneMatch(item -> item.key().equals(itemKey))) {
			throw ProblemException.conflict("attention-item-closed", "attention.closed");
		}
		boolean refund = itemKey.startsWith("refund:");
		return switch (refund ? "refund-" + action : "payment-" + action) {
			case "refund-retry" -> {
				this.jdbc.sql("""
						update refunds set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
						where id = :id and status = 'FAILED'
						""").param("now", this.clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
				boolean done = this.refunds.attempt(id);
				yield new Outcome(done ? "attention.payment.refundRetried" : "attention.payment.refundQueued",
						List.of(), Map.of("refundId", id.toString()));
			}
			case "payment-confirm" -> {
				PaymentRow payment = this.payments.find(id)
					.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
				SettlePayment.Result result = this.settle.apply(id, PaymentGateway.Outcome.PAID, payment.money(),
						"admin:" + actorId);
				resolve(id, actorId, "confirmed as paid by hand");
				yield new Outcome("attention.payment.confirmed", List.of(result.effect().name()),
						Map.of("paymentId", id.toString(), "effect", result.effect().name()));
			}
			case "payment-resolve" -> {
				if (note == null || note.isBlank()) {
					throw ProblemException.invalidField("note", "attention.noteRequired");
				}
				resolve(id, actorId, note.strip());
				yield new Outcome("attention.payment.resolved", List.of(), Map.of("paymentId", id.toString()));
			}
			default -> throw ProblemException.invalidField("action", "attention.unknownAction");
		};
	}

	private void resolve(UUID paymentId, long actorId, String note) {
		this.transactions.executeWithoutResult(status -> this.jdbc.sql("""
				update payments set review_resolved_at = :now, review_resolved_by = :by, review_note = :note
				where id = :id and review_resolved_at is null
				""")
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("by", actorId)
			.param("note", note.length() > 1000 ? note.substring(0, 1000) : note)
			.param("id", paymentId)
			.update());
	}

}
