package kz.zhilyego.web;

import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.payment.PaymentQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The superuser's payment queue ({@code /admin/payments}): refunds to make by hand in the
 * Kaspi cabinet (FAILED, MANUAL) with the "refunded by hand" action, payments in doubt
 * with "check with Kaspi" and "resolved", and the reconciliation's differences. The web
 * security chain admits SUPERUSER only; the same service backs
 * {@code /api/v1/admin/payments}.
 */
@Controller
class AdminPaymentPages {

	private final PaymentQueue queue;

	private final Texts texts;

	AdminPaymentPages(PaymentQueue queue, Texts texts) {
		this.queue = queue;
		this.texts = texts;
	}

	@GetMapping("/admin/payments")
	String page(Model model) {
		model.addAttribute("queue", this.queue.queue());
		return "admin/payments";
	}

	@PostMapping("/admin/payments/refunds/{id}/refunded-by-hand")
	String refundedByHand(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
		return act(flash, () -> this.queue.refundedByHand(id, user.id(), reference, note),
				"admin.payments.refundedDone");
	}

	@PostMapping("/admin/payments/{id}/check")
	String check(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes flash) {
		try {
			var payment = this.queue.check(id, user.id());
			flash.addFlashAttribute("flash", this.texts.get("admin.payments.checkedDone", payment.status().name()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/payments";
	}

	@PostMapping("/admin/payments/{id}/resolve")
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
		return act(flash, () -> this.queue.resolvePayment(id, user.id(), note), "admin.payments.resolvedDone");
	}

	@PostMapping("/admin/payments/differences/{id}/resolve")
	String resolveDifference(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
		return act(flash, () -> this.queue.resolveDifference(id, user.id(), note), "admin.payments.resolvedDone");
	}

	@PostMapping("/admin/payments/reconcile")
	String reconcile(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable LocalDate day,
			RedirectAttributes flash) {
		try {
			if (day == null) {
				throw ProblemException.invalidField("day", "payment.reconciliation.dayRequired");
			}
			PaymentQueue.LastReconciliation run = this.queue.reconcile(day, user.id());
			flash.addFlashAttribute("flash",
					this.texts.get("admin.payments.reconciledDone", day, run.checked(), run.differences()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/payments";
	}

	private String act(RedirectAttributes flash, Runnable action, String doneKey) {
		try {
			action.run();
			flash.addFlashAttribute("flash", this.texts.get(doneKey));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/payments";
	}

}
