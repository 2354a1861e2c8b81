package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends refunds to the provider. Each attempt claims the refund with a lease (so two
 * nodes never send it at once), calls the provider outside any transaction and records
 * the answer: SUCCEEDED with the provider's refund id (the payment becomes REFUNDED or
 * PARTIALLY_REFUNDED and a cancellation refund books its reversing ledger entries), or a
 * retry after an exponential backoff; a refusal or too many attempts park it as FAILED
 * for a human. Every step runs in its own transaction, whatever the caller's.
 */
@Service
public class ExecuteRefunds {

	private static final Logger log = LoggerFactory.getLogger(ExecuteRefunds.class);

	/**
	 * Nobody else attempts a claimed refund for this long (a provider call is far
	 * shorter).
	 */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private final Refunds refunds;

	private final Payments payments;

	private final Ledger ledger;

	private final BookingQueries bookings;

	private final PaymentGateway gateway;

	private final PaymentProperties.Refund settings;

	private final int batchSize;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PaymentMetrics metrics;

	ExecuteRefunds(Refunds refunds, Payments payments, Ledger ledger, BookingQueries bookings, PaymentGateway gateway,
			PaymentProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			PaymentMetrics metrics) {
		this.metrics = metrics;
		this.refunds = refunds;
		this.payments = payments;
		this.ledger = ledger;
		this.bookings = bookings;
		this.gateway = gateway;
		this.settings = properties.refund();
		this.batchSize = properties.batchSize();
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Creates the refund a cancellation decided (once per booking) for the payment that
	 * confirmed the booking, and attempts it. Returns the refund id, empty when there is
	 * nothing to refund.
	 */
	public Optional<UUID> forCancellation(UUID bookingId, BigDecimal refundDue, String currency, String reason) {
		if (refundDue.signum() <= 0) {
			return Optional.empty();
		}
		BookingDetails booking = this.bookings.find(bookingId).orElse(null);
		PaymentRow payment = booking == null || booking.paymentRef() == null ? null
				: paymentOf(booking.paymentRef()).orElse(null);
		if (payment == null || !payment.status().isPaid()) {
			log.warn("Booking {} was cancelled with a refund of {} {} but has no paid payment", bookingId, refundDue,
					currency);
			return Optional.empty();
		}
		BigDecimal left = payment.paid().amount().subtract(this.refunds.succeededTotal(payment.id()));
		Money amount = new Money(refundDue.min(left), payment.currency());
		if (amount.isZero() || amount.isNegative()) {
			return Optional.empty();
		}
		UUID refundId = this.transactions.execute(status -> this.refunds.create(payment.id(), bookingId,
				RefundRow.Kind.CANCELLATION, "booking_cancelled:" + reason, amount, this.clock.instant()));
		attempt(refundId);
		return Optional.of(refundId);
	}

	/** Attempts every refund whose retry is due; returns how many succeeded. */
	public int retryDue() {
		int succeeded = 0;
		List<UUID> due = this.refunds.due(this.clock.instant(), this.batchSize);
		for (UUID id : due) {
			try {
				if (attempt(id)) {
					succeeded++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Refund {} attempt broke; it is retried after its lease", id, ex);
			}
		}
		return succeeded;
	}

	/**
	 * One attempt, if the refund is PENDING and due; true when the provider accepted it.
	 */
	public boolean attempt(UUID refundId) {
		Instant now = this.clock.instant();
		RefundRow refund = this.transactions.execute(status -> this.refunds.claim(refundId, now, now.plus(LEASE)))
			.orElse(null);
		if (refund == null) {
			return false;
		}
		PaymentRow payment = this.payments.find(refund.paymentId()).orElseThrow();
		String providerRefundId;
		try {
			if (!payment.provider().equals(this.gateway.name()) || payment.providerPaymentId() == null) {
				throw new PaymentGatewayException("Provider " + payment.provider() + " is not active", true);
			}
			providerRefundId = this.gateway
				.refund(new PaymentGateway.RefundRequest(refundId, payment.providerPaymentId(), refund.money()));
		}
		catch (PaymentGatewayException ex) {
			failed(refund, ex);
			return false;
		}
		this.transactions.executeWithoutResult(status -> succeeded(refund, payment, providerRefundId));
		return true;
	}

	private void failed(RefundRow refund, PaymentGatewayException ex) {
		Instant now = this.clock.instant();
		String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		if (!ex.retryable() || refund.attempts() >= this.settings.maxAttempts()) {
			log.error("Refund {} of payment {} FAILED after {} attempts, needs a human: {}", refund.id(),
					refund.paymentId(), refund.attempts(), error);
			this.transactions.executeWithoutResult(status -> this.refunds.fail(refund.id(), error, now));
			this.metrics.refundFailed();
			return;
		}
		Instant next = now.plus(this.settings.backoffAfter(refund.attempts()));
		log.warn("Refund {} of payment {} attempt {} failed, retry at {}: {}", refund.id(), refund.paymentId(),
				refund.attempts(), next, error);
		this.transactions.executeWithoutResult(status -> this.refunds.retryAt(refund.id(), next, error));
	}

	private void succeeded(RefundRow refund, PaymentRow payment, String providerRefundId) {
		Instant now = this.clock.instant();
		if (!this.refunds.succeed(refund.id(), providerRefundId, now)) {
			return;
		}
		this.payments.lock(payment.id());
		BigDecimal refunded = this.refunds.succeededTotal(payment.id());
		PaymentStatus status = refunded.compareTo(payment.paid().amount()) >= 0 ? PaymentStatus.REFUNDED
				: PaymentStatus.PARTIALLY_REFUNDED;
		this.payments.markRefunded(payment.id(), status, now);
		if (refund.kind() == RefundRow.Kind.CANCELLATION
				&& this.ledger.hasConfirmation(refund.bookingId(), payment.id())) {
			BookingDetails booking = this.bookings.find(refund.bookingId()).orElseThrow();
			this.ledger.book(booking.id(), payment.id(), refund.id(), booking.ownerId(),
					LedgerPolicy.reversal(payment.paid(), new Money(booking.platformCommission(), booking.currency()),
							new Money(booking.gatewayFee(), booking.currency()), refund.money()),
					now);
		}
		log.info("Refund {} of payment {} SUCCEEDED ({} {}), payment {}", refund.id(), payment.id(), refund.amount(),
				refund.currency(), status);
	}

	private Optional<PaymentRow> paymentOf(String paymentRef) {
		try {
			return this.payments.find(UUID.fromString(paymentRef));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Booking payment reference {} is not a payment of ours", paymentRef);
			return Optional.empty();
		}
	}

}
