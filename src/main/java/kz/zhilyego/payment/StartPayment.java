package kz.zhilyego.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Idempotency;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a payment for a guest's hold: only a HOLD that is not overdue, only by its guest,
 * at most one payment in flight per booking (a partial unique index). The same
 * idempotency key for the same booking returns the same payment, also in parallel
 * ({@link Idempotency}); the key for another booking is a 422. The provider is called
 * outside any transaction; if it cannot open the payment, the row and the key are removed
 * and the guest may retry with the same key. A replay that arrives while the provider is
 * still being asked answers the payment without its redirect yet.
 */
@Service
public class StartPayment {

	private static final Logger log = LoggerFactory.getLogger(StartPayment.class);

	/** The {@link Idempotency} operation of starting a payment. */
	public static final String OPERATION = "payment.start";

	private final Payments payments;

	private final BookingQueries bookings;

	private final PaymentGateway gateway;

	private final PaymentQueries queries;

	private final PaymentProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final Idempotency idempotency;

	private final TransactionTemplate transactions;

	StartPayment(Payments payments, BookingQueries bookings, PaymentGateway gateway, PaymentQueries queries,
			PaymentProperties properties, MessageSource messages, Clock clock, Idempotency idempotency,
			TransactionTemplate transactions) {
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.payments = payments;
		this.bookings = bookings;
		this.gateway = gateway;
		this.queries = queries;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	/** The payment and whether this call created it (false: an idempotent replay). */
	public record Started(Payment payment, boolean created) {
	}

	public Started start(UUID bookingId, long guestId, @Nullable String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw ProblemException.invalidField("Idempotency-Key", "payment.idempotencyKey.required");
		}
		Idempotency.Request keyed = new Idempotency.Request(OPERATION, guestId, idempotencyKey,
				Map.of("bookingId", bookingId));
		BookingDetails booking = this.bookings.find(bookingId)
			.filter(b -> b.guestId() == guestId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		Instant now = this.clock.instant();
		Idempotency.Result<PaymentRow> result;
		try {
			result = this.transactions.execute(status -> this.idempotency.run(keyed, () -> {
				if (!booking.holdOpenAt(now)) {
					throw ProblemException.conflict("payment-not-allowed", "payment.bookingNotPayable");
				}
				PaymentRow row = new PaymentRow(UUID.randomUUID(), bookingId, guestId, this.gateway.name(),
						PaymentStatus.PENDING, booking.total(), booking.currency(), null, null, null, idempotencyKey,
						null, now, null, null);
				this.payments.insert(row);
				return row;
			}, row -> row.id().toString(), id -> this.payments.find(UUID.fromString(id))
				.orElseThrow(() -> ProblemException.conflict("payment-in-progress", "payment.alreadyPending"))));
		}
		catch (DuplicateKeyException ex) {
			// another key's payment of this booking is in flight (one PENDING per
			// booking)
			throw ProblemException.conflict("payment-in-progress", "payment.alreadyPending");
		}
		if (result == null) {
			throw new IllegalStateException("Payment transaction returned nothing");
		}
		if (result.replayed()) {
			return new Started(this.queries.view(result.value()), false);
		}
		return new Started(open(result.value(), booking, now, keyed), true);
	}

	private Payment open(PaymentRow row, BookingDetails booking, Instant now, Idempotency.Request keyed) {
		PaymentGateway.Created created;
		try {
			created = this.gateway.create(new PaymentGateway.CreateRequest(row.id(), booking.id(), row.money(),
					description(booking), this.properties.publicBaseUrl() + "/payments/" + row.id() + "/return",
					this.payments.hasPendingRemoteInvoice(booking.id()) ? null : booking.guestPhone()));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Provider {} could not open payment {} of booking {}: {}", this.gateway.name(), row.id(),
					booking.id(), ex.getMessage());
			this.payments.deleteUnopened(row.id());
			// the key did nothing lasting: the guest may retry with it
			this.idempotency.forget(keyed.operation(), keyed.callerId(), keyed.key());
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
					"payment.providerUnavailable");
		}
		Duration firstPoll = this.gateway.callbacks() == PaymentGateway.Callbacks.PROOF ? this.properties.webhookGrace()
				: created.pollAfter() != null ? created.pollAfter() : this.properties.pollInterval();
		this.payments.attachProvider(row, created, now.plus(firstPoll), now);
		log.info("Payment {} of booking {} opened at {} as {}", row.id(), booking.id(), this.gateway.name(),
				created.providerPaymentId());
		return this.queries.view(this.payments.find(row.id()).orElseThrow());
	}

	private String description(BookingDetails booking) {
		return this.messages.getMessage("payment.description",
				new Object[] { booking.listingTitle(), booking.checkIn().toString(), booking.checkOut().toString() },
				Locale.of("ru"));
	}

}
