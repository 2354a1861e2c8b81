package kz.zhilyego.payment.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.adapter.SandboxPaymentGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox provider's payment page and its buttons. Exists only while the sandbox is
 * the active provider (dev and test profiles only): elsewhere
 * {@code /payments/sandbox/**} is a 404. Browsers are redirected to the return page;
 * scripts sending {@code Accept: application/json} get the outcome as JSON.
 */
@Controller
@ConditionalOnProperty(name = "zhilyego.payment.provider", havingValue = SandboxPaymentGateway.NAME)
class SandboxPaymentPages {

	private final SandboxPaymentGateway sandbox;

	SandboxPaymentPages(SandboxPaymentGateway sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/payments/sandbox/{paymentId}")
	String page(@PathVariable UUID paymentId, Model model) {
		SandboxPaymentGateway.SandboxPayment payment = this.sandbox.page(paymentId)
			.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		model.addAttribute("payment", payment);
		model.addAttribute("pending", payment.status() == PaymentGateway.Outcome.PENDING);
		return "payment/sandbox";
	}

	@PostMapping("/payments/sandbox/{paymentId}/complete")
	ResponseEntity<?> complete(@PathVariable UUID paymentId, @RequestParam String outcome,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		PaymentGateway.Outcome chosen = switch (outcome.toLowerCase(Locale.ROOT)) {
			case "success" -> PaymentGateway.Outcome.PAID;
			case "failure" -> PaymentGateway.Outcome.FAILED;
			case "cancel" -> PaymentGateway.Outcome.CANCELLED;
			default -> throw ProblemException.invalidField("outcome", "payment.sandbox.outcome");
		};
		SandboxPaymentGateway.Completion completion;
		try {
			completion = this.sandbox.complete(paymentId, chosen)
				.orElseThrow(() -> ProblemException.notFound("payment.notFound"));
		}
		catch (IllegalStateException ex) {
			throw ProblemException.conflict("payment-finished", "payment.sandbox.finished");
		}
		if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
			return ResponseEntity.ok(Map.of("paymentId", completion.paymentId(), "outcome", outcome, "callbackStatus",
					completion.callbackStatus(), "returnUrl", completion.returnUrl()));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, completion.returnUrl()).build();
	}

}
