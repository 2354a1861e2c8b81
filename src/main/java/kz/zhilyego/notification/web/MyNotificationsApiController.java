package kz.zhilyego.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.InAppInbox;
import kz.zhilyego.notification.InAppNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app notifications. */
@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications", description = "In-app inbox and notification settings of the signed-in user")
class MyNotificationsApiController {

	private final InAppNotifications inbox;

	MyNotificationsApiController(InAppNotifications inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "Newest first, with the number of unread notifications")
	InAppInbox list(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		return this.inbox.list(Principals.require(user).id(), limit);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one notification read (404 if it is not yours)")
	ResponseEntity<Void> read(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long id) {
		this.inbox.markRead(Principals.require(user).id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark every notification read")
	ResponseEntity<Void> readAll(@AuthenticationPrincipal @Nullable CurrentUser user) {
		this.inbox.markAllRead(Principals.require(user).id());
		return ResponseEntity.noContent().build();
	}

}
