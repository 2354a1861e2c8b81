package kz.zhilyego.payment.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.payment.CheckPayment;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.RenewPayment;
import kz.zhilyego.payment.StartPayment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A guest pays for own hold and follows the payment. */
@RestController
@Tag(name = "Payments", description = "Paying for a hold; payment and refund status")
class PaymentApiController {

	private final StartPayment startPayment;

	private final RenewPayment renewPayment;

	private final CheckPayment checkPayment;

	PaymentApiController(StartPayment startPayment, RenewPayment renewPayment, CheckPayment checkPayment) {
		this.startPayment = startPayment;
		this.renewPayment = renewPayment;
		this.checkPayment = checkPayment;
	}

	@PostMapping("/api/v1/bookings/{id}/payments")
	@Operation(summary = "Open a payment for the caller's hold",
			description = "Only a HOLD that is not overdue can get a payment; at most one payment is in flight per"
					+ " booking. The same Idempotency-Key returns the same payment. Send the guest to redirectUrl"
					+ " (or show qr); the booking becomes CONFIRMED when the provider reports success.",
			responses = { @ApiResponse(responseCode = "201", description = "Payment opened"),
					@ApiResponse(responseCode = "200", description = "Replay of the same Idempotency-Key"),
					@ApiResponse(responseCode = "404", description = "No such booking of the caller"),
					@ApiResponse(responseCode = "409", description = "Booking not payable, or a payment in flight"),
					@ApiResponse(responseCode = "503", description = "Provider unavailable; retry with the same key") })
	ResponseEntity<Payment> start(@PathVariable UUID id,
			@Parameter(description = "Unique per intended payment, up to 255 characters") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal @Nullable CurrentUser user) {
		StartPayment.Started started = this.startPayment.start(id, signedIn(user).id(), idempotencyKey);
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started.payment());
	}

	@PostMapping("/api/v1/bookings/{id}/payments/renew")
	@Operation(summary = "A new QR for the caller's hold when the Kaspi QR lapsed",
			description = "A Kaspi QR / link takes payments for a few minutes (qrExpiresAt). Once it lapsed, the old"
					+ " payment is asked about once (paid at the last second: it is returned, 200), closed if nobody"
					+ " opened it, and a new payment is opened like POST /payments (same Idempotency-Key rules).",
			responses = { @ApiResponse(responseCode = "201", description = "New payment opened"),
					@ApiResponse(responseCode = "200",
							description = "Replay of the same Idempotency-Key, or the old payment turned out paid"),
					@ApiResponse(responseCode = "404", description = "No such booking of the caller"),
					@ApiResponse(responseCode = "409",
							description = "payment-qr-valid (the QR still works), payment-confirming (the guest is"
									+ " confirming it in the app), or the booking is not payable"),
					@ApiResponse(responseCode = "503", description = "Provider unavailable; retry with the same key") })
	ResponseEntity<Payment> renew(@PathVariable UUID id,
			@Parameter(description = "Unique per intended payment, up to 255 characters") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal @Nullable CurrentUser user) {
		StartPayment.Started started = this.renewPayment.renew(id, signedIn(user).id(), idempotencyKey);
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started.payment());
	}

	@GetMapping("/api/v1/payments/{paymentId}")
	@Operation(summary = "A payment of the caller's booking with its refunds",
			description = "A pending payment is checked with the provider first when its next status query is due,"
					+ " so a client asking every few seconds sees the outcome within seconds.",
			responses = { @ApiResponse(responseCode = "200", description = "The payment"),
					@ApiResponse(responseCode = "404", description = "No such payment of the caller") })
	Payment get(@PathVariable UUID paymentId, @AuthenticationPrincipal @Nullable CurrentUser user) {
		return this.checkPayment.check(paymentId, signedIn(user).id());
	}

	private static CurrentUser signedIn(@Nullable CurrentUser user) {
		if (user == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
		}
		return user;
	}

}
