package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.Accounts;
import kz.zhilyego.identity.internal.TelegramLogin;
import kz.zhilyego.identity.internal.TwoFactor;
import kz.zhilyego.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: profile, password, 2FA, Telegram link. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

	private final Users users;

	private final Accounts accounts;

	private final TwoFactor twoFactor;

	private final TelegramLogin telegram;

	MeApiController(Users users, Accounts accounts, TwoFactor twoFactor, TelegramLogin telegram) {
		this.users = users;
		this.accounts = accounts;
		this.twoFactor = twoFactor;
		this.telegram = telegram;
	}

	record ProfileRequest(@NotBlank @Size(max = 200) String name, @Nullable @Email @Size(max = 200) String email,
			@NotBlank @Pattern(regexp = "ru|kk|en") String language) {
	}

	record PasswordRequest(@NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 200) String newPassword) {
	}

	record CodeRequest(@NotBlank @Size(max = 40) String code) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	@GetMapping
	@Operation(summary = "The caller's profile")
	UserJson me(@AuthenticationPrincipal CurrentUser user) {
		return UserJson.of(this.users.find(user.id()).orElseThrow());
	}

	@PutMapping
	@Operation(summary = "Change the caller's name, e-mail and language")
	UserJson update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProfileRequest request) {
		return UserJson.of(this.accounts.updateProfile(user.id(), request.name(), request.email(),
				Language.ofCode(request.language())));
	}

	@PutMapping("/password")
	@Operation(summary = "Change the caller's password (every refresh token is revoked)")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void password(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordRequest request) {
		this.accounts.changePassword(user.id(), request.currentPassword(), request.newPassword());
	}

	@PostMapping("/2fa/enrol")
	@Operation(summary = "Start two-factor enrolment: a TOTP secret and its QR code")
	TwoFactor.Enrolment enrol(@AuthenticationPrincipal CurrentUser user) {
		return this.twoFactor.enrol(user);
	}

	@PostMapping("/2fa/confirm")
	@Operation(summary = "Confirm two-factor enrolment with a code: recovery codes")
	RecoveryCodes confirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
		return new RecoveryCodes(this.twoFactor.confirm(user, request.code()));
	}

	@PostMapping("/2fa/disable")
	@Operation(summary = "Turn two-factor authentication off (needs a code)")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
		this.twoFactor.disable(user, request.code());
	}

	@PostMapping("/2fa/recovery-codes")
	@Operation(summary = "New recovery codes (needs a code); the old ones stop working")
	RecoveryCodes recoveryCodes(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
		return new RecoveryCodes(this.twoFactor.regenerateRecoveryCodes(user, request.code()));
	}

	/** Links Telegram: Login Widget fields or {@code {"initData": "…"}}. */
	@PostMapping("/telegram")
	@Operation(summary = "Link a Telegram account to the caller")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void linkTelegram(@AuthenticationPrincipal CurrentUser user, @RequestBody Map<String, Object> payload) {
		this.telegram.link(user, payload);
	}

	@DeleteMapping("/telegram")
	@Operation(summary = "Unlink the caller's Telegram account")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlinkTelegram(@AuthenticationPrincipal CurrentUser user) {
		this.telegram.unlink(user);
	}

}
