package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import kz.zhilyego.booking.ConfirmPayment;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway.Outcome;
import kz.zhilyego.payment.PaymentFailed;
import kz.zhilyego.payment.PaymentNeedsAttention;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what a provider reported about a payment — from a callback, the polling job or
 * the hold-expiry guard, any number of times, in any order. Under a lock on the payment
 * row (then listing and booking inside {@link ConfirmPayment}):
 * <ul>
 * <li>PAID for an unpaid payment → PAID, then {@link ConfirmPayment}: Confirmed → the
 * ledger set is booked once; RefundRequired → an automatic full refund is created and
 * attempted after commit ({@link RefundRequested});</li>
 * <li>PAID for a paid payment → nothing;</li>
 * <li>FAILED / CANCELLED / EXPIRED → only a PENDING or UNKNOWN payment closes (an UNKNOWN
 * one's case is then resolved by the provider's answer); the booking stays as it is (a
 * HOLD can get a new payment while it lasts);</li>
 * <li>UNKNOWN (a status word nobody knows) → a PENDING payment becomes UNKNOWN: no longer
 * in flight, so the guest may pay again; flagged for a person, superusers alerted, and
 * still asked about for {@code unknown-check-for};</li>
 * <li>PENDING → nothing.</li>
 * </ul>
 */
@Service
public class SettlePayment {

	private static final Logger log = LoggerFactory.getLogger(SettlePayment.class);

	private final Payments payments;

	private final Refunds refunds;

	private final Ledger ledger;

	private final ConfirmPayment confirmPayment;

	private final ExecuteRefunds executeRefunds;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PaymentProperties properties;

	private final PaymentMetrics metrics;

	SettlePayment(Payments payments, Refunds refunds, Ledger ledger, ConfirmPayment confirmPayment,
			ExecuteRefunds executeRefunds, TransactionTemplate transactions, Clock clock,
			ApplicationEventPublisher events, PaymentProperties properties, PaymentMetrics metrics) {
		this.events = events;
		this.properties = properties;
		this.metrics = metrics;
		this.payments = payments;
		this.refunds = refunds;
		this.ledger = ledger;
		this.confirmPayment = confirmPayment;
		this.executeRefunds = executeRefunds;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What applying an outcome did. */
	public enum Effect {

		/** The payment confirmed its booking now. */
		CONFIRMED,
		/** Paid, but the booking could not take it: an automatic refund was created. */
		REFUND_REQUIRED,
		/** The payment failed, was cancelled or expired now. */
		CLOSED,
		/**
		 * The provider's answer is not understood (or never came): the payment is UNKNOWN
		 * now, in the admin queue.
		 */
		IN_DOUBT,
		/**
		 * A callback disagreed with the payment (amount, currency): it was stored, the
		 * payment flagged for a person and nothing else changed.
		 */
		FLAGGED,
		/** Nothing changed: a duplicate, an out-of-order report or still pending. */
		UNCHANGED

	}

	public record Result(Effect effect, @Nullable UUID refundId) {
	}

	/**
	 * Applies the outcome in the caller's transaction, or in one of its own when there is
	 * none. An automatic refund it creates is attempted once that transaction has
	 * committed ({@link RefundRequested}, handled by {@link RefundAttempts}): never
	 * before, and never when it rolls back.
	 */
	public Result apply(UUID paymentId, Outcome outcome, @Nullable Money reported, String source) {
		return Objects
			.requireNonNull(this.transactions.execute(status -> settle(paymentId, outcome, reported, source)));
	}

	private Result settle(UUID paymentId, Outcome outcome, @Nullable Money reported, String source) {
		PaymentRow payment = this.payments.lock(paymentId)
			.orElseThrow(() -> new IllegalArgumentException("No payment " + paymentId));
		Instant now = this.clock.instant();
		return switch (outcome) {
			case PENDING -> new Result(Effect.UNCHANGED, null);
			case FAILED, CANCELLED, EXPIRED -> {
				PaymentStatus to = PaymentStatus.valueOf(outcome.name());
				boolean wasUnknown = payment.status() == PaymentStatus.UNKNOWN;
				boolean closed = (payment.status() == PaymentStatus.PENDING || wasUnknown)
						&& this.payments.close(paymentId, to, source, now);
				if (closed) {
					log.info("Payment {} of booking {} {} ({})", paymentId, payment.bookingId(), to, source);
					if (wasUnknown) {
						this.payments.resolveReview(paymentId, null, "provider answered " + source, now);
					}
					else if (to == PaymentStatus.FAILED && !payment.remoteInvoice()) {
						this.events.publishEvent(new PaymentFailed(paymentId, payment.bookingId()));
					}
				}
				yield new Result(closed ? Effect.CLOSED : Effect.UNCHANGED, null);
			}
			case UNKNOWN -> inDoubt(payment, source, now);
			case PAID -> paid(payment, reported, source, now);
		};
	}

	/**
	 * PENDING → UNKNOWN: out of the guest's way (another payment may start), flagged for
	 * a person, alerted, still asked about slowly.
	 */
	private Result inDoubt(PaymentRow payment, String reason, Instant now) {
		if (payment.status() != PaymentStatus.PENDING) {
			return new Result(Effect.UNCHANGED, null);
		}
		String why = reason.length() > 200 ? reason.substring(0, 200) : reason;
		if (!this.payments.markUnknown(payment.id(), why, now, now.plus(this.properties.kaspi().slowPollInterval()),
				now.plus(this.properties.unknownCheckFor()))) {
			return new Result(Effect.UNCHANGED, null);
		}
		log.error("Payment {} of booking {} is UNKNOWN ({}): it needs a person, see /admin/payments", payment.id(),
				payment.bookingId(), why);
		this.metrics.inDoubt();
		this.events.publishEvent(new PaymentNeedsAttention(payment.id(), payment.bookingId(), why));
		return new Result(Effect.IN_DOUBT, null);
	}

	private Result paid(PaymentRow payment, @Nullable Money reported, String source, Instant now) {
		if (payment.status().isPaid()) {
			return new Result(Effect.UNCHANGED, null);
		}
		Money paid = reported != null ? reported : payment.money();
		if (!this.payments.markPaid(payment.id(), payment.status(), paid.amount(), now)) {
			throw new IllegalStateException("Payment changed under its row lock: " + payment.id());
		}
		if (payment.status() == PaymentStatus.UNKNOWN) {
			this.payments.resolveReview(payment.id(), null, "provider answered " + source, now);
		}
		log.info("Payment {} of booking {} PAID {} ({})", payment.id(), payment.bookingId(), paid, source);
		this.metrics.paid(payment.bookingId(), now);
		this.events.publishEvent(
				new kz.zhilyego.payment.PaymentPaid(payment.id(), payment.bookingId(), paid.amount(), paid.currency()));
		if (!paid.currency().equals(payment.currency())) {
			return refund(payment, paid, "currency_mismatch", now);
		}
		ConfirmPayment.Outcome outcome = this.confirmPayment.confirm(payment.bookingId(), payment.id().toString(),
				paid);
		return switch (outcome) {
			case ConfirmPayment.Outcome.Confirmed confirmed -> {
				bookConfirmation(payment, paid, confirmed.settlement(), now);
				yield new Result(Effect.CONFIRMED, null);
			}
			case ConfirmPayment.Outcome.AlreadyConfirmed already -> {
				bookConfirmation(payment, paid, already.settlement(), now);
				yield new Result(Effect.UNCHANGED, null);
			}
			case ConfirmPayment.Outcome.RefundRequired required -> refund(payment, paid, required.reason(), now);
		};
	}

	private Result refund(PaymentRow payment, Money paid, String reason, Instant now) {
		UUID refundId = this.refunds.create(payment.id(), payment.bookingId(), RefundRow.Kind.AUTOMATIC, reason, paid,
				now, this.executeRefunds.byHand());
		this.executeRefunds.waitsForAPerson(payment.id(), payment.bookingId());
		log.warn("Payment {} of booking {} cannot confirm it ({}): automatic refund {}", payment.id(),
				payment.bookingId(), reason, refundId);
		this.events.publishEvent(new RefundRequested(refundId));
		return new Result(Effect.REFUND_REQUIRED, refundId);
	}

	/** The ledger set of a confirmation, from what the booking told under its lock. */
	private void bookConfirmation(PaymentRow payment, Money paid, ConfirmPayment.Settlement settlement, Instant now) {
		this.ledger.book(payment.bookingId(), payment.id(), null, settlement.ownerId(),
				LedgerPolicy.confirmation(paid, settlement.platformCommission(), settlement.gatewayFee()), now);
	}

}
