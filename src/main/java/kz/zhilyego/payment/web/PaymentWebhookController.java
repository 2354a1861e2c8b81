package kz.zhilyego.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.ReceiveWebhook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Provider callbacks: the raw body is verified before anything is read from it. */
@RestController
@Tag(name = "Payment webhooks", description = "Signed callbacks from payment providers")
class PaymentWebhookController {

	/** Callbacks are small; anything larger is not a provider's. */
	private static final int MAX_BODY = 64 * 1024;

	private final ReceiveWebhook receiveWebhook;

	PaymentWebhookController(ReceiveWebhook receiveWebhook) {
		this.receiveWebhook = receiveWebhook;
	}

	@PostMapping("/api/v1/payments/webhooks/{provider}")
	@Operation(summary = "Receive a provider callback",
			description = "Header X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + raw body)>."
					+ " Stored once per provider event id and processed idempotently.",
			responses = { @ApiResponse(responseCode = "200", description = "Accepted (also for a replay)"),
					@ApiResponse(responseCode = "400", description = "Malformed body"),
					@ApiResponse(responseCode = "401", description = "Bad signature or stale timestamp"),
					@ApiResponse(responseCode = "404", description = "Unknown provider"),
					@ApiResponse(responseCode = "422", description = "Unknown payment") })
	ReceiveWebhook.Receipt receive(@PathVariable String provider,
			@RequestHeader(name = "X-Signature", required = false) @Nullable String signature,
			@RequestBody(required = false) byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-callback", "payment.webhook.malformed");
		}
		if (body.length > MAX_BODY) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "problem.payload-too-large");
		}
		return this.receiveWebhook.receive(provider, signature, body);
	}

}
