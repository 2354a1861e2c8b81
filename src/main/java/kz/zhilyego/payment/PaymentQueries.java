package kz.zhilyego.payment;

import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import kz.zhilyego.payment.internal.RefundRow;
import kz.zhilyego.payment.internal.Refunds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads payments: a guest sees the payments of own bookings only (others are a 404). */
@Service
public class PaymentQueries {

	private final Payments payments;

	private final Refunds refunds;

	PaymentQueries(Payments payments, Refunds refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	@Transactional(readOnly = true)
	public Payment get(UUID paymentId, long guestId) {
		return this.payments.find(paymentId)
			.filter(payment -> payment.guestId() == guestId)
			.map(this::view)
			.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
	}

	/** Unscoped, for the provider's return page and other modules; never for a caller. */
	@Transactional(readOnly = true)
	public Optional<Payment> find(UUID paymentId) {
		return this.payments.find(paymentId).map(this::view);
	}

	Payment view(PaymentRow row) {
		return new Payment(row.id(), row.bookingId(), row.provider(), row.status(), row.amount(), row.currency(),
				row.redirectUrl(), row.qrPayload(), row.createdAt(), row.paidAt(),
				this.refunds.ofPayment(row.id()).stream().map(PaymentQueries::view).toList(), row.qrExpiresAt());
	}

	private static Payment.Refund view(RefundRow refund) {
		return new Payment.Refund(refund.id(), refund.kind().name(), refund.status(), refund.amount(),
				refund.currency(), refund.providerRefundId(), refund.createdAt(), refund.completedAt());
	}

}
