package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGateway.Outcome;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Asks the provider about payments whose {@code poll_after} has come: a polling provider
 * (Kaspi QR) at the interval it asked for, a webhook provider after the grace period, as
 * a rescue for a callback that never came — so money never stays without a booking.
 * <ul>
 * <li>Each query is claimed first (its {@code poll_after} leased ahead), so the job on
 * one node, a guest's page on another ({@link #pollIfDue}) and a callback hint never ask
 * twice at once; the job runs up to {@code kaspi.max-parallel-polls} queries at a
 * time.</li>
 * <li>A QR / link that lapsed while nobody had opened it is closed (EXPIRED,
 * {@code qr_lapsed}: the guest may get a new QR) and still checked every
 * {@code kaspi.slow-poll-interval} for {@code kaspi.lapsed-check-for}, in case it was
 * paid at the last second; the same for a remote invoice nobody needs any more.</li>
 * <li>A status word nobody knows, or no final answer within {@code max-pending}, makes
 * the payment UNKNOWN (see {@link SettlePayment}) — never EXPIRED, never left
 * blocking.</li>
 * <li>"Purchase not found" is taken as "not there yet" for {@code kaspi.not-found-grace},
 * then the payment is closed as FAILED and no longer asked about.</li>
 * </ul>
 * Settling is idempotent, so a callback arriving meanwhile is harmless.
 */
@Service
public class PollPayments {

	private static final Logger log = LoggerFactory.getLogger(PollPayments.class);

	/** A claimed query is someone else's for this long (a query is far shorter). */
	private static final Duration LEASE = Duration.ofMinutes(1);

	private final Payments payments;

	private final PaymentGateway gateway;

	private final SettlePayment settle;

	private final BookingQueries bookings;

	private final PaymentProperties properties;

	private final Clock clock;

	private final Semaphore inFlight;

	PollPayments(Payments payments, PaymentGateway gateway, SettlePayment settle, BookingQueries bookings,
			PaymentProperties properties, Clock clock) {
		this.payments = payments;
		this.gateway = gateway;
		this.settle = settle;
		this.bookings = bookings;
		this.properties = properties;
		this.clock = clock;
		this.inFlight = new Semaphore(properties.kaspi().maxParallelPolls());
	}

	/**
	 * Polls every due payment once, at most {@code kaspi.max-parallel-polls} at a time;
	 * returns how many changed.
	 */
	public int pollDue() {
		Instant now = this.clock.instant();
		List<PaymentRow> due = this.payments.claimDuePolls(now, now.plus(LEASE), this.properties.batchSize());
		if (due.isEmpty()) {
			return 0;
		}
		int changed = 0;
		Map<String, String> context = MDC.getCopyOfContextMap();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<SettlePayment.Effect>> results = new ArrayList<>();
			for (PaymentRow payment : due) {
				results.add(pool.submit(() -> bounded(payment, context)));
			}
			for (int i = 0; i < results.size(); i++) {
				try {
					if (results.get(i).get() != SettlePayment.Effect.UNCHANGED) {
						changed++;
					}
				}
				catch (ExecutionException ex) {
					log.error("Polling payment {} broke; it is polled again after its lease", due.get(i).id(),
							ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		return changed;
	}

	/**
	 * One query of the job, on its own thread: with the job's logging context, under the
	 * id of the request that started the payment (docs/operations.md).
	 */
	private SettlePayment.Effect bounded(PaymentRow payment, @Nullable Map<String, String> context)
			throws InterruptedException {
		this.inFlight.acquire();
		try {
			if (context != null) {
				MDC.setContextMap(context);
			}
			return RequestIds.call(payment.requestId(), () -> poll(payment));
		}
		finally {
			MDC.clear();
			this.inFlight.release();
		}
	}

	/**
	 * Asks the provider about one pending payment now (a provider's hint that something
	 * happened) and settles what the provider answers; a payment that is not pending is
	 * left alone.
	 */
	public SettlePayment.Effect pollNow(UUID paymentId) {
		Instant now = this.clock.instant();
		Optional<PaymentRow> payment = this.payments.find(paymentId)
			.filter(p -> p.status() == PaymentStatus.PENDING)
			.flatMap(p -> this.payments.claimPoll(paymentId, now, now.plus(LEASE), true));
		return payment.map(this::poll).orElse(SettlePayment.Effect.UNCHANGED);
	}

	/**
	 * Asks the provider now if the payment's next query is due — for a guest waiting on
	 * the hold or return page, who so gets an answer every few seconds instead of at the
	 * job's pace; not due or claimed by someone else: nothing.
	 */
	public SettlePayment.Effect pollIfDue(UUID paymentId) {
		Instant now = this.clock.instant();
		return this.payments.claimPoll(paymentId, now, now.plus(LEASE), false)
			.map(this::poll)
			.orElse(SettlePayment.Effect.UNCHANGED);
	}

	/**
	 * Asks the provider about any payment now and settles the answer — a person's "check
	 * with Kaspi" in the admin queue. A payment nobody asks about any more is asked too;
	 * its checks are not resumed.
	 */
	public SettlePayment.Effect checkForPerson(UUID paymentId) {
		PaymentRow payment = this.payments.find(paymentId).orElse(null);
		if (payment == null || payment.providerPaymentId() == null) {
			return SettlePayment.Effect.UNCHANGED;
		}
		Instant now = this.clock.instant();
		PaymentRow claimed = this.payments.claimPoll(paymentId, now, now.plus(LEASE), true).orElse(payment);
		return poll(claimed);
	}

	private SettlePayment.Effect poll(PaymentRow payment) {
		if (!payment.provider().equals(this.gateway.name())) {
			log.warn("Payment {} belongs to provider {}, which is not active", payment.id(), payment.provider());
			later(payment, null);
			return SettlePayment.Effect.UNCHANGED;
		}
		Instant now = this.clock.instant();
		PaymentGateway.StatusReport report;
		try {
			report = this.gateway.status(Objects.requireNonNull(payment.providerPaymentId()));
		}
		catch (PaymentGatewayException ex) {
			return unanswered(payment, ex, now);
		}
		boolean pending = payment.status() == PaymentStatus.PENDING;
		SettlePayment.Effect effect;
		if (report.outcome() == Outcome.PENDING) {
			effect = pending ? stillPending(payment, report, now) : stillOpenLate(payment, now);
		}
		else if (report.outcome() == Outcome.UNKNOWN) {
			effect = pending
					? this.settle.apply(payment.id(), Outcome.UNKNOWN, null, "unknown_status:" + report.raw()).effect()
					: stillOpenLate(payment, now);
		}
		else if (report.outcome() != Outcome.PAID && !pending && payment.status() != PaymentStatus.UNKNOWN) {
			// a late check of a closed payment: the provider's final word, nothing more
			// to
			// come
			this.payments.stopChecking(payment.id(), now);
			effect = SettlePayment.Effect.UNCHANGED;
		}
		else {
			effect = this.settle
				.apply(payment.id(), report.outcome(), reported(report, payment), "poll:" + report.raw())
				.effect();
		}
		if (effect == SettlePayment.Effect.CONFIRMED) {
			withdrawRemoteInvoices(payment);
		}
		return effect;
	}

	private SettlePayment.Effect stillPending(PaymentRow payment, PaymentGateway.StatusReport report, Instant now) {
		if (report.untouched() && payment.lapsed(now)) {
			return closeButCheck(payment, PaymentStatus.EXPIRED, "qr_lapsed", now);
		}
		if (report.untouched() && payment.remoteInvoice() && !bookingAwaitsPayment(payment)) {
			this.gateway.cancelRemoteInvoice(Objects.requireNonNull(payment.providerPaymentId()));
			return closeButCheck(payment, PaymentStatus.CANCELLED, "invoice_not_needed", now);
		}
		if (tooLong(payment, now)) {
			return this.settle.apply(payment.id(), Outcome.UNKNOWN, null, "no_final_status:" + report.raw()).effect();
		}
		later(payment, report.pollAfter());
		return SettlePayment.Effect.UNCHANGED;
	}

	/**
	 * A closed or UNKNOWN payment still open at the provider: ask again later, or stop.
	 */
	private SettlePayment.Effect stillOpenLate(PaymentRow payment, Instant now) {
		if (payment.lateCheckUntil() == null || !payment.lateCheckUntil().isAfter(now)) {
			log.info("Payment {} ({}) is no longer checked with {}", payment.id(), payment.status(),
					payment.provider());
			this.payments.stopChecking(payment.id(), now);
		}
		else {
			this.payments.pollAgainAt(payment.id(), now.plus(this.properties.kaspi().slowPollInterval()), now);
		}
		return SettlePayment.Effect.UNCHANGED;
	}

	private SettlePayment.Effect unanswered(PaymentRow payment, PaymentGatewayException ex, Instant now) {
		boolean pending = payment.status() == PaymentStatus.PENDING;
		if (ex.notFound()) {
			if (pending && payment.createdAt().plus(this.properties.kaspi().notFoundGrace()).isAfter(now)) {
				later(payment, this.properties.kaspi().defaultPollInterval());
				return SettlePayment.Effect.UNCHANGED;
			}
			log.warn("Payment {} is not known to {}; it is no longer asked about: {}", payment.id(), payment.provider(),
					ex.getMessage());
			if (pending) {
				return this.settle.apply(payment.id(), Outcome.FAILED, null, "provider_not_found").effect();
			}
			this.payments.stopChecking(payment.id(), now);
			return SettlePayment.Effect.UNCHANGED;
		}
		log.warn("Status of payment {} unavailable: {}", payment.id(), ex.getMessage());
		if (pending && tooLong(payment, now)) {
			return this.settle.apply(payment.id(), Outcome.UNKNOWN, null, "no_answer").effect();
		}
		if (pending) {
			later(payment, null);
		}
		else {
			stillOpenLate(payment, now);
		}
		return SettlePayment.Effect.UNCHANGED;
	}

	private boolean tooLong(PaymentRow payment, Instant now) {
		return !payment.createdAt().plus(this.properties.maxPending()).isAfter(now);
	}

	private SettlePayment.Effect closeButCheck(PaymentRow payment, PaymentStatus to, String reason, Instant now) {
		Duration slow = this.properties.kaspi().slowPollInterval();
		boolean closed = this.payments.closeButCheck(payment.id(), to, reason, now, now.plus(slow),
				now.plus(this.properties.kaspi().lapsedCheckFor()));
		if (closed) {
			log.info("Payment {} of booking {} {} ({}); checked every {} for {} more", payment.id(),
					payment.bookingId(), to, reason, slow, this.properties.kaspi().lapsedCheckFor());
		}
		return closed ? SettlePayment.Effect.CLOSED : SettlePayment.Effect.UNCHANGED;
	}

	private boolean bookingAwaitsPayment(PaymentRow payment) {
		return this.bookings.find(payment.bookingId()).map(b -> b.status() == BookingStatus.HOLD).orElse(false);
	}

	/** The booking is paid: invoices still open on the guest's phone are withdrawn. */
	private void withdrawRemoteInvoices(PaymentRow paid) {
		for (PaymentRow invoice : this.payments.pendingRemoteInvoices(paid.bookingId())) {
			if (!invoice.id().equals(paid.id()) && invoice.providerPaymentId() != null) {
				this.gateway.cancelRemoteInvoice(invoice.providerPaymentId());
			}
		}
	}

	private void later(PaymentRow payment, @Nullable Duration pollAfter) {
		Instant now = this.clock.instant();
		Duration gap = pollAfter != null && !pollAfter.isNegative() && !pollAfter.isZero() ? pollAfter
				: this.properties.pollInterval();
		this.payments.pollAgainAt(payment.id(), now.plus(gap), now);
	}

	static @Nullable Money reported(PaymentGateway.StatusReport report, PaymentRow payment) {
		return report.amount() == null ? null : new Money(report.amount(), payment.currency());
	}

}
