package kz.zhilyego.payment;

import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.payment.internal.PollPayments;
import org.springframework.stereotype.Service;

/**
 * A payment as it stands now, asked about at the provider first when its next status
 * query is due. The hold page and the return page call it every few seconds while a guest
 * waits, so a payment made in the Kaspi app confirms the booking within seconds instead
 * of at the polling job's pace; Kaspi's own polling interval still bounds how often it is
 * asked (one claimed query per interval across all nodes and pages).
 */
@Service
public class CheckPayment {

	private final PollPayments poll;

	private final PaymentQueries queries;

	CheckPayment(PollPayments poll, PaymentQueries queries) {
		this.poll = poll;
		this.queries = queries;
	}

	/** The guest's own payment; another guest's is a 404. */
	public Payment check(UUID paymentId, long guestId) {
		Payment payment = this.queries.get(paymentId, guestId);
		if (payment.status() != PaymentStatus.PENDING) {
			return payment;
		}
		this.poll.pollIfDue(paymentId);
		return this.queries.get(paymentId, guestId);
	}

	/** Unscoped, for the provider's return page (which shows status and amount only). */
	public Optional<Payment> checkUnscoped(UUID paymentId) {
		Optional<Payment> payment = this.queries.find(paymentId);
		if (payment.isEmpty() || payment.get().status() != PaymentStatus.PENDING) {
			return payment;
		}
		this.poll.pollIfDue(paymentId);
		return this.queries.find(paymentId);
	}

}
