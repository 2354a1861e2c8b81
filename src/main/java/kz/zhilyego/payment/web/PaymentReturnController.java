package kz.zhilyego.payment.web;

import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.PaymentQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a provider sends the browser back after paying: the payment's outcome and a link
 * to the booking. Shows nothing personal (status and amount only), so it needs no
 * sign-in; the guest web site restyles it later.
 */
@Controller
class PaymentReturnController {

	private final PaymentQueries queries;

	PaymentReturnController(PaymentQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/payments/{paymentId}/return")
	String result(@PathVariable UUID paymentId, Model model) {
		Payment payment = this.queries.find(paymentId).orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		model.addAttribute("payment", payment);
		model.addAttribute("outcome", switch (payment.status()) {
			case PAID, PARTIALLY_REFUNDED -> "paid";
			case REFUNDED -> "refunded";
			case PENDING -> "pending";
			case FAILED, CANCELLED, EXPIRED -> "failed";
		});
		return "payment/return";
	}

}
