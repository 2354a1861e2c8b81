package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.payment.internal.ExecuteRefunds;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import kz.zhilyego.payment.internal.PollPayments;
import kz.zhilyego.payment.internal.ReconcilePayments;
import kz.zhilyego.payment.internal.Reconciliations;
import kz.zhilyego.payment.internal.RefundRow;
import kz.zhilyego.payment.internal.Refunds;
import kz.zhilyego.payment.internal.SettlePayment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The superuser's payment queue ({@code /admin/payments},
 * {@code /api/v1/admin/payments}): refunds waiting for a person (FAILED after their last
 * attempt, and MANUAL ones when the contract cannot refund by API), payments in doubt
 * (flagged by a disagreeing callback, or UNKNOWN), and the differences the daily
 * reconciliation found. Its actions:
 * <ul>
 * <li>"refunded by hand in the Kaspi cabinet": the refund becomes SUCCEEDED with the
 * cabinet's reference, the payment REFUNDED / PARTIALLY_REFUNDED, a cancellation refund
 * books its ledger reversal, the guest is told ({@link RefundedByHand}), and the audit
 * log records who did it;</li>
 * <li>"check with Kaspi now" for a payment, which settles what Kaspi answers;</li>
 * <li>"resolved" for a payment in doubt or a difference, with a note (audited).</li>
 * </ul>
 * Callers are the superuser's controllers; they check the role.
 */
@Service
public class PaymentQueue {

	private static final Logger log = LoggerFactory.getLogger(PaymentQueue.class);

	private static final int LIMIT = 200;

	private final Refunds refunds;

	private final Payments payments;

	private final ExecuteRefunds executeRefunds;

	private final PollPayments poll;

	private final Reconciliations reconciliations;

	private final ReconcilePayments reconcile;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentQueue(Refunds refunds, Payments payments, ExecuteRefunds executeRefunds, PollPayments poll,
			Reconciliations reconciliations, ReconcilePayments reconcile, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.reconcile = reconcile;
		this.refunds = refunds;
		this.payments = payments;
		this.executeRefunds = executeRefunds;
		this.poll = poll;
		this.reconciliations = reconciliations;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A refund a person has to make or look at. */
	public record RefundToDo(UUID refundId, UUID paymentId, UUID bookingId, String providerPaymentId, String kind,
			RefundStatus status, BigDecimal amount, String currency, @Nullable String reason,
			@Nullable String lastError, int attempts, Instant createdAt) {
	}

	/** A payment in doubt: flagged, or UNKNOWN. */
	public record PaymentInDoubt(UUID paymentId, UUID bookingId, String provider, @Nullable String providerPaymentId,
			PaymentStatus status, BigDecimal amount, String currency, @Nullable String reason, Instant createdAt) {
	}

	/** A payment the reconciliation found in another state at the provider. */
	public record Difference(long id, LocalDate day, UUID paymentId, UUID bookingId, String kind, String ours,
			String theirs, Instant foundAt) {
	}

	/** The last reconciliation run (null fields: none yet). */
	public record LastReconciliation(@Nullable LocalDate day, int checked, int differences, int unchecked,
			@Nullable Instant finishedAt) {
	}

	/** The whole queue, oldest first in each part. */
	public record Queue(List<RefundToDo> refunds, List<PaymentInDoubt> payments, List<Difference> differences,
			LastReconciliation reconciliation) {
	}

	public Queue queue() {
		List<RefundToDo> refunds = this.refunds.toDo(LIMIT).stream().map(this::toDo).toList();
		return new Queue(refunds, this.payments.inDoubt(LIMIT), this.reconciliations.openDifferences(LIMIT),
				this.reconciliations.last());
	}

	private RefundToDo toDo(RefundRow refund) {
		PaymentRow payment = this.payments.find(refund.paymentId()).orElseThrow();
		return new RefundToDo(refund.id(), refund.paymentId(), refund.bookingId(),
				payment.providerPaymentId() == null ? "" : payment.providerPaymentId(), refund.kind().name(),
				refund.status(), refund.amount(), refund.currency(), refund.reason(), refund.lastError(),
				refund.attempts(), refund.createdAt());
	}

	/**
	 * A person made the refund in the Kaspi cabinet.
	 * @param reference the cabinet's operation number, if they noted it
	 * @throws ProblemException 404 unknown refund; 409 {@code refund-not-open} unless it
	 * is FAILED or MANUAL
	 */
	public Payment.Refund refundedByHand(UUID refundId, long actorId, @Nullable String reference,
			@Nullable String note) {
		String ref = "by-hand" + (reference == null || reference.isBlank() ? "" : ":" + reference.strip());
		String text = note == null ? "" : note.strip();
		if (ref.length() > 200 || text.length() > 1000) {
			throw ProblemException.invalidField(ref.length() > 200 ? "reference" : "note", "payment.queue.tooLong");
		}
		RefundRow done = this.transactions.execute(status -> {
			RefundRow refund = this.refunds.find(refundId)
				.orElseThrow(() -> ProblemException.notFound("payment.refund.notFound"));
			PaymentRow payment = this.payments.lock(refund.paymentId()).orElseThrow();
			Instant now = this.clock.instant();
			if (!this.refunds.settleByHand(refundId, ref, actorId, text, now)) {
				throw ProblemException.conflict("refund-not-open", "payment.refund.notOpen");
			}
			PaymentStatus paymentStatus = this.executeRefunds.afterSuccess(refund, payment, now);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("paymentId", payment.id().toString());
			details.put("bookingId", refund.bookingId().toString());
			details.put("amount", refund.amount().toPlainString());
			details.put("currency", refund.currency());
			details.put("was", refund.status().name());
			details.put("reference", ref);
			details.put("note", text);
			details.put("paymentStatus", paymentStatus.name());
			this.audit.record(actorId, "payment.refund.refunded-by-hand", "refund", refundId.toString(), details);
			this.events
				.publishEvent(new RefundedByHand(refundId, refund.bookingId(), refund.amount(), refund.currency()));
			return this.refunds.find(refundId).orElseThrow();
		});
		log.info("Refund {} marked as made by hand by user {}", refundId, actorId);
		return new Payment.Refund(done.id(), done.kind().name(), done.status(), done.amount(), done.currency(),
				done.providerRefundId(), done.createdAt(), done.completedAt());
	}

	/**
	 * Asks Kaspi about the payment now and settles the answer.
	 * @return the payment after the check
	 */
	public Payment check(UUID paymentId, long actorId) {
		PaymentRow payment = this.payments.find(paymentId)
			.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		SettlePayment.Effect effect = this.poll.checkForPerson(payment.id());
		log.info("Payment {} checked with {} by user {}: {}", paymentId, payment.provider(), actorId, effect);
		return paymentView(paymentId);
	}

	/**
	 * A person looked at a payment in doubt and settled the case.
	 * @throws ProblemException 404 unknown; 409 {@code nothing-to-resolve}
	 */
	public void resolvePayment(UUID paymentId, long actorId, @Nullable String note) {
		String text = note(note);
		this.transactions.executeWithoutResult(status -> {
			PaymentRow payment = this.payments.find(paymentId)
				.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
			if (!this.payments.resolveReview(paymentId, actorId, text, this.clock.instant())) {
				throw ProblemException.conflict("nothing-to-resolve", "payment.queue.nothingToResolve");
			}
			this.audit.record(actorId, "payment.review.resolved", "payment", paymentId.toString(),
					Map.of("status", payment.status().name(), "reason",
							payment.reviewReason() == null ? "" : payment.reviewReason(), "note", text));
		});
	}

	/**
	 * A person looked at a reconciliation difference and settled it.
	 * @throws ProblemException 404 unknown; 409 {@code nothing-to-resolve}
	 */
	public void resolveDifference(long differenceId, long actorId, @Nullable String note) {
		String text = note(note);
		this.transactions.executeWithoutResult(status -> {
			if (!this.reconciliations.resolve(differenceId, actorId, text, this.clock.instant())) {
				throw this.reconciliations.exists(differenceId)
						? ProblemException.conflict("nothing-to-resolve", "payment.queue.nothingToResolve")
						: ProblemException.notFound("payment.difference.notFound");
			}
			this.audit.record(actorId, "payment.difference.resolved", "payment_difference", Long.toString(differenceId),
					Map.of("note", text));
		});
	}

	/**
	 * Reconciles a day that is over with the provider now (once per day: a day done
	 * returns its figures).
	 * @throws ProblemException 400 for a day not over yet
	 */
	public LastReconciliation reconcile(LocalDate day, long actorId) {
		LastReconciliation run = this.reconcile.runOver(day);
		log.info("Reconciliation of {} run by user {}: {}", day, actorId, run);
		return run;
	}

	private Payment paymentView(UUID paymentId) {
		PaymentRow row = this.payments.find(paymentId).orElseThrow();
		return new Payment(row.id(), row.bookingId(), row.provider(), row.status(), row.amount(), row.currency(),
				row.redirectUrl(), row.qrPayload(), row.createdAt(), row.paidAt(), List.of(), row.qrExpiresAt());
	}

	private static String note(@Nullable String note) {
		String text = note == null ? "" : note.strip();
		if (text.length() > 1000) {
			throw ProblemException.invalidField("note", "payment.queue.tooLong");
		}
		return text;
	}

}
