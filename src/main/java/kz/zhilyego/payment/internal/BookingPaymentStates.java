package kz.zhilyego.payment.internal;

import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.PaymentStates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment and refund state the booking API shows: the payment that paid (else the
 * latest one) and the booking's latest refund.
 */
@Component
class BookingPaymentStates implements PaymentStates {

	private final Payments payments;

	private final Refunds refunds;

	BookingPaymentStates(Payments payments, Refunds refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PaymentState> of(UUID bookingId) {
		return this.payments.latestOfBooking(bookingId).map(payment -> {
			RefundRow refund = this.refunds.latestOfBooking(bookingId).orElse(null);
			return new PaymentState(payment.id(), payment.provider(), payment.status().name(), payment.amount(),
					payment.currency(), payment.paidAt(), refund == null ? null : refund.status().name(),
					refund == null ? null : refund.amount(), refund == null ? null : refund.providerRefundId());
		});
	}

}
