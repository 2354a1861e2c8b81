package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import kz.zhilyego.admin.UserActivity;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/users/{id}/activity}: a user's activity history. */
@RestController
class UserActivityApiController {

	private final UserActivity activity;

	UserActivityApiController(UserActivity activity) {
		this.activity = activity;
	}

	@GetMapping("/api/v1/admin/users/{id}/activity")
	@Operation(summary = "Superuser: a user's activity history")

	UserActivity.Activity activity(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.activity.of(user, id);
	}

}
