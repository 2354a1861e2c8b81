package kz.zhilyego.payment.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.CheckPayment;
import kz.zhilyego.payment.Payment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a provider sends the browser back after paying: the outcome, and a
 * {@code Refresh} that continues at once to the guest's booking page
 * ({@code /account/bookings/{id}?payment=paid|failed|refunded}: the confirmation, or the
 * hold with a retry); a pending payment reloads this page every few seconds instead, and
 * each reload asks the provider when the payment's next status query is due (a guest
 * waiting here gets the answer within seconds). A payment in doubt (UNKNOWN) says so and
 * continues to the booking, where the guest may pay again. Shows nothing personal (status
 * and amount only).
 */
@Controller
class PaymentReturnPages {

	private final CheckPayment check;

	PaymentReturnPages(CheckPayment check) {
		this.check = check;
	}

	@GetMapping("/payments/{paymentId}/return")
	String result(@PathVariable UUID paymentId, Model model, HttpServletResponse response) {
		Payment payment = this.check.checkUnscoped(paymentId)
			.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		String outcome = switch (payment.status()) {
			case PAID, PARTIALLY_REFUNDED -> "paid";
			case REFUNDED -> "refunded";
			case PENDING -> "pending";
			case FAILED, CANCELLED, EXPIRED -> "failed";
			case UNKNOWN -> "unknown";
		};
		String booking = "/account/bookings/" + payment.bookingId();
		// a finished payment continues at once to the guest's booking page (the
		// confirmation, or the hold with a retry); a pending one checks again shortly
		response.setHeader("Refresh", "pending".equals(outcome) ? "3" : "0;url=" + booking + "?payment=" + outcome);
		model.addAttribute("bookingUrl", booking);
		model.addAttribute("payment", payment);
		model.addAttribute("outcome", outcome);
		return "payment/return";
	}

}
