package kz.zhilyego.payment.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.PaymentQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Superuser: the payment queue — refunds waiting for a person, payments in doubt,
 * reconciliation differences — and its actions (the same service as
 * {@code /admin/payments}).
 */
@RestController
@RequestMapping("/api/v1/admin/payments")
@Tag(name = "Admin: payments", description = "Failed and manual refunds, payments in doubt, reconciliation")
class PaymentAdminApiController {

	private final PaymentQueue queue;

	PaymentAdminApiController(PaymentQueue queue) {
		this.queue = queue;
	}

	/** An optional note (and the Kaspi cabinet's reference) of a person's action. */
	record Note(@Nullable String reference, @Nullable String note) {
	}

	/** Which Kazakhstan day to reconcile. */
	record Day(@Nullable LocalDate day) {
	}

	@GetMapping("/queue")
	@Operation(summary = "Refunds to make by hand (FAILED, MANUAL), payments in doubt, open differences")
	PaymentQueue.Queue queue(@AuthenticationPrincipal @Nullable CurrentUser user) {
		superuser(user);
		return this.queue.queue();
	}

	@PostMapping("/refunds/{refundId}/refunded-by-hand")
	@Operation(summary = "Mark a FAILED or MANUAL refund as made by hand in the Kaspi cabinet",
			description = "Books the ledger reversal, tells the guest and writes the audit log. 409 refund-not-open"
					+ " for a refund that is not FAILED or MANUAL.")
	Payment.Refund refundedByHand(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID refundId,
			@RequestBody(required = false) @Nullable Note body) {
		return this.queue.refundedByHand(refundId, superuser(user).id(), body == null ? null : body.reference(),
				body == null ? null : body.note());
	}

	@PostMapping("/{paymentId}/check")
	@Operation(summary = "Ask Kaspi about a payment now and settle its answer")
	Payment check(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID paymentId) {
		return this.queue.check(paymentId, superuser(user).id());
	}

	@PostMapping("/{paymentId}/resolve")
	@Operation(summary = "Close the case of a payment in doubt (audited)")
	ResponseEntity<Void> resolve(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID paymentId,
			@RequestBody(required = false) @Nullable Note body) {
		this.queue.resolvePayment(paymentId, superuser(user).id(), body == null ? null : body.note());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/differences/{id}/resolve")
	@Operation(summary = "Close a reconciliation difference (audited)")
	ResponseEntity<Void> resolveDifference(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable Note body) {
		this.queue.resolveDifference(id, superuser(user).id(), body == null ? null : body.note());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/reconciliations")
	@Operation(summary = "Reconcile a day with Kaspi now (once per day; a day done returns its figures)")
	PaymentQueue.LastReconciliation reconcile(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestBody(required = false) @Nullable Day body) {
		CurrentUser superuser = superuser(user);
		if (body == null || body.day() == null) {
			throw ProblemException.invalidField("day", "payment.reconciliation.dayRequired");
		}
		return this.queue.reconcile(body.day(), superuser.id());
	}

	private static CurrentUser superuser(@Nullable CurrentUser user) {
		if (user == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
		}
		if (!user.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		return user;
	}

}
