package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.TelegramAuth.TelegramIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Sign-in and account linking with Telegram: the payload is either Login Widget fields or
 * {@code {"initData": "<Mini App initData>"}}. Sign-in works for a Telegram account
 * linked to a user (from the web cabinet or by a phone contact shared with the bot).
 */
@Service
public class TelegramLogin {

	private final Users users;

	private final AuditLog audit;

	private final IdentityProperties.Telegram settings;

	private final TelegramProperties telegram;

	private final Clock clock;

	private final TwoFactor twoFactor;

	TelegramLogin(Users users, AuditLog audit, IdentityProperties properties, TelegramProperties telegram, Clock clock,
			TwoFactor twoFactor) {
		this.telegram = telegram;
		this.users = users;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.settings = properties.telegram();
		this.clock = clock;
	}

	/**
	 * Signs in the user linked to the verified Telegram account. Telegram proves only the
	 * account, so a user with 2FA on must also give a current TOTP or recovery code
	 * ({@code totp-required} / {@code totp-invalid} otherwise).
	 */
	@Transactional
	public UserRecord signIn(Map<String, ?> payload, @Nullable String totp) {
		TelegramIdentity identity = verify(payload);
		UserRecord user = this.users.findByTelegramUserId(identity.userId())
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "telegram-not-linked",
					"auth.telegramNotLinked"));
		if (!user.active()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "account-blocked", "auth.blocked");
		}
		if (user.totpEnabled()) {
			if (!StringUtils.hasText(totp)) {
				throw new ProblemException(HttpStatus.UNAUTHORIZED, "totp-required", "auth.totpRequired");
			}
			if (!this.twoFactor.verify(user.id(), totp)) {
				throw new ProblemException(HttpStatus.UNAUTHORIZED, "totp-invalid", "auth.totpInvalid");
			}
		}
		this.audit.record(user.id(), "login.succeeded", "user", String.valueOf(user.id()),
				Map.of("channel", "telegram"));
		return user;
	}

	/**
	 * Links the verified Telegram account to the signed-in user and enables delivery
	 * there.
	 */
	@Transactional
	public void link(CurrentUser user, Map<String, ?> payload) {
		TelegramIdentity identity = verify(payload);
		// a private chat with the bot has the same id as the Telegram user
		this.users.linkTelegram(user.id(), identity.userId(), identity.userId());
		this.audit.record(user.id(), "telegram.linked", "user", String.valueOf(user.id()), Map.of("via", "web"));
	}

	@Transactional
	public void unlink(CurrentUser user) {
		this.users.unlinkTelegram(user.id());
		this.audit.record(user.id(), "telegram.unlinked", "user", String.valueOf(user.id()), Map.of());
	}

	TelegramIdentity verify(Map<String, ?> payload) {
		String token = this.telegram.botToken();
		if (!StringUtils.hasText(token)) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "telegram-not-configured",
					"auth.telegramNotConfigured");
		}
		TelegramAuth auth = new TelegramAuth(token, this.settings.maxAge(), this.clock);
		Optional<TelegramIdentity> identity;
		if (payload.get("initData") instanceof String initData) {
			identity = auth.verifyInitData(initData);
		}
		else {
			Map<String, String> fields = new LinkedHashMap<>();
			payload.forEach((key, value) -> {
				if (value != null) {
					fields.put(key, String.valueOf(value));
				}
			});
			identity = auth.verifyLoginWidget(fields);
		}
		return identity.orElseThrow(
				() -> new ProblemException(HttpStatus.UNAUTHORIZED, "telegram-invalid", "auth.telegramInvalid"));
	}

}
