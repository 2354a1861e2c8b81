package kz.zhilyego.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import kz.zhilyego.payment.internal.PollPayments;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "New QR": a Kaspi QR / link takes payments for a few minutes ({@code ExpireDate}), the
 * hold lasts 15. When the guest's QR has lapsed, the old payment is asked about once
 * (paid at the last second → that payment stands, no new QR), closed if nobody opened it
 * (and still checked slowly for a while), and a new payment is started with the same
 * rules and idempotency as {@link StartPayment}. The web hold page, the API and the bot
 * share it; the bot, which keeps one key per booking, goes through {@link #payOrRenew}.
 */
@Service
public class RenewPayment {

	private final Payments payments;

	private final PollPayments poll;

	private final StartPayment start;

	private final PaymentQueries queries;

	private final BookingQueries bookings;

	private final Clock clock;

	RenewPayment(Payments payments, PollPayments poll, StartPayment start, PaymentQueries queries,
			BookingQueries bookings, Clock clock) {
		this.payments = payments;
		this.poll = poll;
		this.start = start;
		this.queries = queries;
		this.bookings = bookings;
		this.clock = clock;
	}

	/**
	 * The payment a guest should pay now, for a client that keeps one idempotency key per
	 * booking (the chat bot's pay button): the latest payment of the booking while it
	 * still takes money (PENDING, its QR / link not lapsed) or is paid; after a lapse, a
	 * failure or a payment in doubt a new one, renewed under {@code key} plus the old
	 * payment's id (so a double tap makes one); none yet: started under {@code key}.
	 * @throws ProblemException as {@link #renew} and {@link StartPayment#start}
	 */
	public StartPayment.Started payOrRenew(UUID bookingId, long guestId, String key) {
		Optional<PaymentRow> latest = this.payments.latestCheckout(bookingId, guestId);
		if (latest.isEmpty()) {
			return this.start.start(bookingId, guestId, key);
		}
		PaymentRow payment = latest.get();
		boolean open = payment.status() == PaymentStatus.PENDING && !payment.lapsed(this.clock.instant());
		if (open || payment.status().isPaid()) {
			return new StartPayment.Started(this.queries.view(payment), false);
		}
		return renew(bookingId, guestId, key + ":" + payment.id());
	}

	/**
	 * @return the new payment; or the old one when it turned out to be paid (then
	 * {@code created} is false)
	 * @throws ProblemException 404 not the guest's booking; 409 {@code payment-qr-valid}
	 * while the QR still takes payments, {@code payment-confirming} while the guest is
	 * confirming it in the app, or what {@link StartPayment} refuses
	 */
	public StartPayment.Started renew(UUID bookingId, long guestId, @Nullable String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw ProblemException.invalidField("Idempotency-Key", "payment.idempotencyKey.required");
		}
		this.bookings.find(bookingId)
			.filter(b -> b.guestId() == guestId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		Optional<PaymentRow> replay = this.payments.findByKey(bookingId, guestId, idempotencyKey);
		if (replay.isPresent()) {
			return this.start.start(bookingId, guestId, idempotencyKey);
		}
		Optional<PaymentRow> pending = this.payments.pendingCheckout(bookingId, guestId);
		if (pending.isPresent()) {
			PaymentRow old = pending.get();
			Instant now = this.clock.instant();
			if (!old.lapsed(now)) {
				throw ProblemException.conflict("payment-qr-valid", "payment.qrStillValid");
			}
			this.poll.pollNow(old.id());
			PaymentStatus status = this.payments.find(old.id()).orElseThrow().status();
			if (status.isPaid()) {
				return new StartPayment.Started(this.queries.find(old.id()).orElseThrow(), false);
			}
			if (status == PaymentStatus.PENDING) {
				throw ProblemException.conflict("payment-confirming", "payment.confirming");
			}
		}
		return this.start.start(bookingId, guestId, idempotencyKey);
	}

}
