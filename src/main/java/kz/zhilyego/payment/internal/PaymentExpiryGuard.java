package kz.zhilyego.payment.internal;

import java.util.UUID;

import kz.zhilyego.booking.HoldExpiryGuard;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Before a hold expires, asks the provider about the hold's payment in flight and settles
 * it when the provider has an outcome: a payment made in the last second confirms the
 * booking instead of being lost. A provider that cannot answer does not stop the expiry;
 * a payment that arrives later is a late payment (confirmed while the dates are free,
 * refunded otherwise).
 */
@Component
class PaymentExpiryGuard implements HoldExpiryGuard {

	private static final Logger log = LoggerFactory.getLogger(PaymentExpiryGuard.class);

	private final Payments payments;

	private final PaymentGateway gateway;

	private final SettlePayment settle;

	PaymentExpiryGuard(Payments payments, PaymentGateway gateway, SettlePayment settle) {
		this.payments = payments;
		this.gateway = gateway;
		this.settle = settle;
	}

	@Override
	public void beforeExpiry(UUID bookingId) {
		for (PaymentRow payment : this.payments.pendingOfBooking(bookingId)) {
			if (payment.providerPaymentId() == null || !payment.provider().equals(this.gateway.name())) {
				continue;
			}
			try {
				PaymentGateway.StatusReport report = this.gateway.status(payment.providerPaymentId());
				this.settle.apply(payment.id(), report.outcome(), PollPayments.reported(report, payment),
						"expiry-guard:" + report.raw());
			}
			catch (PaymentGatewayException ex) {
				log.warn("Could not ask {} about payment {} before its hold expires: {}", payment.provider(),
						payment.id(), ex.getMessage());
			}
		}
	}

}
