package kz.zhilyego.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.DeadMessage;
import kz.zhilyego.notification.DeadMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Superuser: messages parked after their last attempt, and putting one back in the queue.
 */
@RestController
@RequestMapping("/api/v1/admin/notifications")
@Tag(name = "Admin: notifications", description = "Dead (undeliverable) outbox messages")
class DeadNotificationsApiController {

	private final DeadMessages dead;

	DeadNotificationsApiController(DeadMessages dead) {
		this.dead = dead;
	}

	@GetMapping("/dead")
	@Operation(summary = "Dead messages, newest first (superuser)")
	PageResult<DeadMessage> dead(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
		Principals.requireSuperuser(user);
		return this.dead.list(page, size);
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Queue a dead message again (superuser)")
	ResponseEntity<Void> retry(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long id) {
		Principals.requireSuperuser(user);
		this.dead.retry(id);
		return ResponseEntity.accepted().build();
	}

}
