package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.zhilyego.identity.internal.PasswordResets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset for API clients: ask for a link (always 202, whether or not the account
 * exists), then set the new password with the link's token (204).
 */
@RestController
@RequestMapping("/api/v1/auth/password-reset")
class PasswordResetApiController {

	private final PasswordResets resets;

	PasswordResetApiController(PasswordResets resets) {
		this.resets = resets;
	}

	/**
	 * A reset request.
	 *
	 * @param login the account's e-mail or phone
	 */
	record ResetRequest(@NotBlank @Size(max = 320) String login) {
	}

	/**
	 * @param token the token from the link ({@code …/password/reset?token=…})
	 * @param password the new password (8 to 200 characters)
	 */
	record ResetConfirmation(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password) {
	}

	/**
	 * Sends a reset link to the account's e-mail (and Telegram, when linked) if there is
	 * such an account; the answer is the same either way.
	 */
	@Operation(summary = "Send a password reset link (the same 202 whether or not the account exists)")
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	void request(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
		this.resets.request(body.login(), request.getRemoteAddr());
	}

	/**
	 * Sets the new password; the token is used up and the account is signed out
	 * everywhere.
	 */
	@Operation(summary = "Set a new password with the token from the reset link")
	@PostMapping("/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirm(@Valid @RequestBody ResetConfirmation body) {
		this.resets.reset(body.token(), body.password());
	}

}
