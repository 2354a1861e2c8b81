package kz.zhilyego.payment.internal;

import java.util.Optional;

import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import kz.zhilyego.payment.PaymentFailed;
import kz.zhilyego.payment.PaymentNeedsAttention;
import kz.zhilyego.payment.PaymentPaid;
import kz.zhilyego.payment.PaymentRefunded;
import kz.zhilyego.payment.RefundedByHand;
import org.springframework.stereotype.Component;

/**
 * Payments on the platform record. Paid and failed happen once per payment; a refund is
 * refunded once (automatic or by hand, one key); a flag is keyed by its reason.
 */
@Component
class PaymentPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		return Optional.ofNullable(switch (event) {
			case PaymentPaid e -> PlatformEvent.once("payment.paid", "payment", e.paymentId(), PlatformEvent
				.facts("bookingId", e.bookingId(), "amount", e.amount().toPlainString(), "currency", e.currency()));
			case PaymentFailed e -> PlatformEvent.once("payment.failed", "payment", e.paymentId(),
					PlatformEvent.facts("bookingId", e.bookingId()));
			case PaymentRefunded e -> PlatformEvent.once("payment.refunded", "refund", e.refundId(),
					PlatformEvent.facts("bookingId", e.bookingId(), "paymentId", e.paymentId(), "amount",
							e.amount().toPlainString(), "currency", e.currency(), "paymentStatus", e.paymentStatus()));
			case RefundedByHand e ->
				PlatformEvent.once("payment.refunded", "refund", e.refundId(), PlatformEvent.facts("bookingId",
						e.bookingId(), "amount", e.amount().toPlainString(), "currency", e.currency(), "byHand", true));
			case PaymentNeedsAttention e ->
				PlatformEvent
					.once("payment.needs_attention", "payment", e.paymentId(),
							PlatformEvent.facts("bookingId", e.bookingId(), "reason", e.reason()))
					.keyedBy(e.reason());
			default -> null;
		});
	}

}
