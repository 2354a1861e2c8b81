package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentNeedsAttention;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
 * for a human (the admin queue). Every step runs in its own transaction, whatever the
 * caller's.
 * <p>
 * A retry never sends blindly: an earlier attempt may have reached the provider and lost
 * only its answer (a timeout, a node that died). So before any attempt after the first,
 * the provider's details of the payment are read: if what it has returned already covers
 * our earlier refunds plus this one, this one was made (SUCCEEDED, nothing sent); if it
 * matches our earlier refunds only, it was not, and is sent; anything else is parked for
 * a human, as is a provider that cannot tell. With a provider that cannot refund by API
 * ({@code kaspi.refunds: by-hand}) refunds are created MANUAL and wait for a person.
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

	private final ApplicationEventPublisher events;

	private final PaymentMetrics metrics;

	ExecuteRefunds(Refunds refunds, Payments payments, Ledger ledger, BookingQueries bookings, PaymentGateway gateway,
			PaymentProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			ApplicationEventPublisher events, PaymentMetrics metrics) {
		this.events = events;
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
		// whole tenge (Money's rule): what is left of a payment from before the rule may
		// have tiyn, and never more than that goes back
		Money amount = new Money(refundDue.min(left).setScale(0, RoundingMode.FLOOR), payment.currency());
		if (amount.isZero() || amount.isNegative()) {
			return Optional.empty();
		}
		UUID refundId = this.transactions.execute(status -> {
			UUID id = this.refunds.create(payment.id(), bookingId, RefundRow.Kind.CANCELLATION,
					"booking_cancelled:" + reason, amount, this.clock.instant(), byHand());
			waitsForAPerson(payment.id(), bookingId);
			return id;
		});
		attempt(refundId);
		return Optional.of(refundId);
	}

	/**
	 * With refunds made by hand, a new refund is a person's task: superusers are told (in
	 * the caller's transaction).
	 */
	void waitsForAPerson(UUID paymentId, UUID bookingId) {
		if (byHand()) {
			this.events.publishEvent(new PaymentNeedsAttention(paymentId, bookingId, "refund_by_hand"));
		}
	}

	/** Whether refunds wait for a person (the provider cannot refund by API). */
	public boolean byHand() {
		return !this.gateway.refundsAutomatically();
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
			if (refund.attempts() > 1) {
				String made = alreadyMade(refund, payment);
				if (made != null) {
					log.warn("Refund {} of payment {} was already made at {} ({}); not sent again", refund.id(),
							payment.id(), payment.provider(), made);
					this.transactions.executeWithoutResult(status -> succeeded(refund, payment, made));
					return true;
				}
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

	/**
	 * Before a retry: did an earlier attempt of this refund reach the provider? Returns a
	 * reference when it was made, null when it was not (send it); throws when the
	 * provider's figures fit neither (park it for a human) or it cannot answer.
	 */
	private @Nullable String alreadyMade(RefundRow refund, PaymentRow payment) {
		PaymentGateway.Details details = this.gateway.details(Objects.requireNonNull(payment.providerPaymentId()));
		BigDecimal before = this.refunds.succeededTotalExcept(payment.id(), refund.id());
		BigDecimal returned = details.returned();
		if (returned.compareTo(before.add(refund.amount())) >= 0) {
			return "returned-per-details:" + returned.toPlainString();
		}
		if (returned.compareTo(before) == 0) {
			if (details.availableForReturn().compareTo(refund.amount()) < 0) {
				throw new PaymentGatewayException("Only " + details.availableForReturn().toPlainString()
						+ " can still be returned at the provider, this refund is " + refund.amount().toPlainString(),
						false);
			}
			return null;
		}
		throw new PaymentGatewayException("The provider shows " + returned.toPlainString()
				+ " returned; our other refunds are " + before.toPlainString() + " and this one "
				+ refund.amount().toPlainString() + ": check the payment in the provider's cabinet", false);
	}

	private void failed(RefundRow refund, PaymentGatewayException ex) {
		Instant now = this.clock.instant();
		String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		if (!ex.retryable() || refund.attempts() >= this.settings.maxAttempts()) {
			log.error("Refund {} of payment {} FAILED after {} attempts, needs a human: {}", refund.id(),
					refund.paymentId(), refund.attempts(), error);
			Boolean parked = this.transactions.execute(status -> {
				if (!this.refunds.fail(refund.id(), error, now)) {
					return false;
				}
				this.events
					.publishEvent(new PaymentNeedsAttention(refund.paymentId(), refund.bookingId(), "refund_failed"));
				return true;
			});
			if (Boolean.TRUE.equals(parked)) {
				this.metrics.refundFailed();
			}
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
		PaymentStatus status = afterSuccess(refund, payment, now);
		log.info("Refund {} of payment {} SUCCEEDED ({} {}), payment {}", refund.id(), payment.id(), refund.amount(),
				refund.currency(), status);
	}

	/**
	 * What a refund that just became SUCCEEDED changes, in the caller's transaction: the
	 * payment's status (REFUNDED / PARTIALLY_REFUNDED) and, for a cancellation refund of
	 * a confirmed booking, the reversing ledger entries (once: the ledger's unique
	 * index).
	 */
	public PaymentStatus afterSuccess(RefundRow refund, PaymentRow payment, Instant now) {
		this.payments.lock(payment.id());
		BigDecimal refunded = this.refunds.succeededTotal(payment.id());
		PaymentStatus status = refunded.compareTo(payment.paid().amount()) >= 0 ? PaymentStatus.REFUNDED
				: PaymentStatus.PARTIALLY_REFUNDED;
		this.payments.markRefunded(payment.id(), status, now);
		this.events.publishEvent(new kz.zhilyego.payment.PaymentRefunded(refund.id(), payment.id(), refund.bookingId(),
				refund.amount(), refund.currency(), status.name()));
		if (refund.kind() == RefundRow.Kind.CANCELLATION
				&& this.ledger.hasConfirmation(refund.bookingId(), payment.id())) {
			BookingDetails booking = this.bookings.find(refund.bookingId()).orElseThrow();
			this.ledger.book(booking.id(), payment.id(), refund.id(), booking.ownerId(),
					LedgerPolicy.reversal(payment.paid(), new Money(booking.platformCommission(), booking.currency()),
							new Money(booking.gatewayFee(), booking.currency()), refund.money()),
					now);
		}
		return status;
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
