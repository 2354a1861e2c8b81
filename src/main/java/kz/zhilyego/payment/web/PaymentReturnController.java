package kz.zhilyego.payment.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.PaymentQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a provider sends the browser back after paying. A finished payment goes on to the
 * guest's booking page ({@code /account/bookings/{id}?payment=paid|failed|refunded}: the
 * confirmation, or the hold with a retry); a pending one shows a short "checking" page
 * that reloads itself. Shows nothing personal (status and amount only).
 */
@Controller
class PaymentReturnController {

	private final PaymentQueries queries;

	PaymentReturnController(PaymentQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/payments/{paymentId}/return")
	String result(@PathVariable UUID paymentId, Model model, HttpServletResponse response) {
		Payment payment = this.queries.find(paymentId).orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		String outcome = switch (payment.status()) {
			case PAID, PARTIALLY_REFUNDED -> "paid";
			case REFUNDED -> "refunded";
			case PENDING -> "pending";
			case FAILED, CANCELLED, EXPIRED -> "failed";
		};
		if (!"pending".equals(outcome)) {
			return "redirect:/account/bookings/" + payment.bookingId() + "?payment=" + outcome;
		}
		response.setHeader("Refresh", "3");
		model.addAttribute("payment", payment);
		model.addAttribute("outcome", outcome);
		return "payment/return";
	}

}
