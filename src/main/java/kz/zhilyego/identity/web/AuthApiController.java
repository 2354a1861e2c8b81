package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.internal.DeviceTokens;
import kz.zhilyego.identity.internal.LoginFailedException;
import kz.zhilyego.identity.internal.PasswordLogin;
import kz.zhilyego.identity.internal.TelegramLogin;
import kz.zhilyego.identity.internal.Tokens;
import kz.zhilyego.identity.internal.Tokens.TokenPair;
import kz.zhilyego.identity.internal.UserRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API sign-in: password (+ TOTP), refresh-token rotation, Telegram. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

	private final PasswordLogin passwords;

	private final Tokens tokens;

	private final TelegramLogin telegram;

	private final DeviceTokens devices;

	AuthApiController(PasswordLogin passwords, Tokens tokens, TelegramLogin telegram, DeviceTokens devices) {
		this.passwords = passwords;
		this.tokens = tokens;
		this.telegram = telegram;
		this.devices = devices;
	}

	/**
	 * @param deviceToken the {@code deviceToken} of an earlier sign-in of this client: it
	 * keeps the client signing in while strangers are locked out of the account
	 */
	record TokenRequest(@NotBlank @Size(max = 200) String login, @NotBlank @Size(max = 200) String password,
			@Nullable @Size(max = 40) String totp, @Nullable @Size(max = 200) String deviceToken) {
	}

	/**
	 * A new sign-in: the token pair and a device token to keep and send with the next
	 * password sign-in.
	 */
	record SignInTokens(String accessToken, String refreshToken, long expiresIn, String deviceToken) {
	}

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
	}

	@PostMapping("/token")
	@Operation(summary = "Sign in with e-mail or phone and password: an access and a refresh token")
	SignInTokens token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		UserRecord user;
		try {
			user = this.passwords.authenticate(request.login(), request.password(), request.totp(),
					http.getRemoteAddr(), request.deviceToken(), "api");
		}
		catch (LoginFailedException ex) {
			throw switch (ex.reason()) {
				case BAD_CREDENTIALS ->
					new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "auth.invalidCredentials");
				case LOCKED -> new ProblemException(HttpStatus.UNAUTHORIZED, "login-locked", "auth.locked");
				case BLOCKED -> new ProblemException(HttpStatus.FORBIDDEN, "account-blocked", "auth.blocked");
				case TOTP_REQUIRED ->
					new ProblemException(HttpStatus.UNAUTHORIZED, "totp-required", "auth.totpRequired");
				case TOTP_INVALID -> new ProblemException(HttpStatus.UNAUTHORIZED, "totp-invalid", "auth.totpInvalid");
			};
		}
		TokenPair pair = this.tokens.issue(user.id());
		return new SignInTokens(pair.accessToken(), pair.refreshToken(), pair.expiresIn(),
				this.devices.issue(user.id()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for a new pair (the old refresh token is spent)")
	TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
		return this.tokens.refresh(request.refreshToken());
	}

	/**
	 * Login Widget fields ({@code id, first_name, …, auth_date, hash}) or
	 * {@code {"initData": "…"}}.
	 */
	/**
	 * Login Widget fields or {@code initData}, plus {@code totp} when the user has 2FA on
	 * (it is not part of the signed data).
	 */
	@PostMapping("/telegram")
	@Operation(summary = "Sign in with Telegram Login Widget or Mini App data")
	TokenPair telegram(@RequestBody Map<String, Object> payload) {
		Map<String, Object> signed = new HashMap<>(payload);
		Object totp = signed.remove("totp");
		return this.tokens.issue(this.telegram.signIn(signed, totp == null ? null : String.valueOf(totp)).id());
	}

}
