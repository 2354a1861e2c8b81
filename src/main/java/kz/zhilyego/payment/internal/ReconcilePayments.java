package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentQueue;
import kz.zhilyego.payment.PaymentsReconciled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares a day's payments with the provider: every payment of the active provider
 * created, paid or refunded that Kazakhstan calendar day is asked about (status, and for
 * a paid one its details: amount paid and returned). A difference — paid here but not
 * there, paid there but not here, another amount, other refunds — is stored for the admin
 * queue; the run's figures go to the metrics and, when anything differs or could not be
 * checked, to the superusers ({@link PaymentsReconciled}). One run per day: the first
 * node to claim the day does it (the daily job runs on one node anyway); nothing is
 * changed by it — a person decides, e.g. with "check with Kaspi now".
 */
@Service
public class ReconcilePayments {

	private static final Logger log = LoggerFactory.getLogger(ReconcilePayments.class);

	private final Payments payments;

	private final Refunds refunds;

	private final Reconciliations reconciliations;

	private final PaymentGateway gateway;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReconcilePayments(Payments payments, Refunds refunds, Reconciliations reconciliations, PaymentGateway gateway,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.reconciliations = reconciliations;
		this.gateway = gateway;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Yesterday in Kazakhstan, for the daily job. */
	public PaymentQueue.LastReconciliation yesterday() {
		return run(LocalDate.ofInstant(this.clock.instant(), Zones.KAZAKHSTAN).minusDays(1));
	}

	/**
	 * A person's run: only a day that is over (Kazakhstan time) — a day still going would
	 * take the daily job's place.
	 */
	public PaymentQueue.LastReconciliation runOver(LocalDate day) {
		if (!day.isBefore(LocalDate.ofInstant(this.clock.instant(), Zones.KAZAKHSTAN))) {
			throw ProblemException.invalidField("day", "payment.reconciliation.dayNotOver");
		}
		return run(day);
	}

	/**
	 * Reconciles the day once; a day already reconciled (here or on another node) returns
	 * that run's figures.
	 */
	public PaymentQueue.LastReconciliation run(LocalDate day) {
		Optional<Long> claimed = this.reconciliations.claim(day, this.gateway.name(), this.clock.instant());
		if (claimed.isEmpty()) {
			return this.reconciliations.of(day)
				.orElseGet(() -> new PaymentQueue.LastReconciliation(day, 0, 0, 0, null));
		}
		long run = claimed.get();
		Instant from = day.atStartOfDay(Zones.KAZAKHSTAN).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toInstant();
		int checked = 0;
		int differences = 0;
		int unchecked = 0;
		for (PaymentRow payment : this.payments.ofDay(this.gateway.name(), from, to)) {
			try {
				checked++;
				if (compare(run, payment)) {
					differences++;
				}
			}
			catch (PaymentGatewayException ex) {
				checked--;
				unchecked++;
				log.warn("Reconciliation of {}: payment {} could not be checked: {}", day, payment.id(),
						ex.getMessage());
			}
		}
		int done = checked;
		int differing = differences;
		int left = unchecked;
		this.transactions.executeWithoutResult(status -> {
			this.reconciliations.finish(run, done, differing, left, this.clock.instant());
			this.events.publishEvent(new PaymentsReconciled(day, done, differing, left));
		});
		if (differing > 0 || left > 0) {
			log.error("Reconciliation of {} with {}: {} checked, {} differ, {} not checked — see /admin/payments", day,
					this.gateway.name(), done, differing, left);
		}
		else {
			log.info("Reconciliation of {} with {}: {} checked, none differ", day, this.gateway.name(), done);
		}
		return this.reconciliations.of(day).orElseThrow();
	}

	/** Whether the payment differs; records each difference. */
	private boolean compare(long run, PaymentRow payment) {
		String pid = Objects.requireNonNull(payment.providerPaymentId());
		boolean oursPaid = payment.status().isPaid();
		PaymentGateway.StatusReport status;
		try {
			status = this.gateway.status(pid);
		}
		catch (PaymentGatewayException ex) {
			if (!ex.notFound()) {
				throw ex;
			}
			if (oursPaid) {
				return differs(run, payment, "paid_here_only", payment.status().name(), "not found");
			}
			return false;
		}
		boolean theirsPaid = status.outcome() == PaymentGateway.Outcome.PAID;
		if (oursPaid && !theirsPaid) {
			return differs(run, payment, "paid_here_only", payment.status().name(), status.raw());
		}
		if (!oursPaid && theirsPaid) {
			return differs(run, payment, "paid_at_provider_only", payment.status().name(),
					status.raw() + (status.amount() == null ? "" : " " + status.amount().toPlainString()));
		}
		if (!oursPaid) {
			return false;
		}
		PaymentGateway.Details details = this.gateway.details(pid);
		boolean differs = false;
		BigDecimal paid = payment.paid().amount();
		if (details.total().compareTo(paid) != 0) {
			differs = differs(run, payment, "amount_differs", paid.toPlainString(), details.total().toPlainString());
		}
		BigDecimal refunded = this.refunds.succeededTotal(payment.id());
		if (details.returned().compareTo(refunded) != 0) {
			differs = differs(run, payment, "refunds_differ", refunded.toPlainString(),
					details.returned().toPlainString()) || differs;
		}
		return differs;
	}

	private boolean differs(long run, PaymentRow payment, String kind, String ours, String theirs) {
		this.reconciliations.difference(run, payment.id(), kind, ours, theirs, this.clock.instant());
		log.warn("Reconciliation: payment {} of booking {} {}: ours {}, {} {}", payment.id(), payment.bookingId(), kind,
				ours, payment.provider(), theirs);
		return true;
	}

}
