package kz.zhilyego.identity;

import java.util.List;
import java.util.Optional;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.Phones;
import kz.zhilyego.identity.internal.Accounts;
import kz.zhilyego.identity.internal.CurrentUserAuthentication;
import kz.zhilyego.identity.internal.UserRecord;
import kz.zhilyego.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to users for other modules (names, contacts, language, Telegram delivery),
 * and the few changes channels make: turning Telegram delivery off when the bot is
 * blocked, linking a Telegram account by a phone contact shared with the bot.
 */
@Service
public class UserDirectory {

	/** The longest name an account may have. */
	public static final int MAX_NAME = Accounts.MAX_NAME;

	private final Users users;

	private final AuditLog audit;

	private final Accounts accounts;

	UserDirectory(Users users, AuditLog audit, Accounts accounts) {
		this.users = users;
		this.audit = audit;
		this.accounts = accounts;
	}

	/**
	 * Changes the user's own name, e-mail and language (the web cabinet's profile form).
	 * @throws kz.zhilyego.common.ProblemException 400 naming every wrong field at once:
	 * the name blank or too long, the e-mail not an address, too long or taken
	 */
	@Transactional
	public UserProfile updateProfile(long userId, String name, @Nullable String email, Language language) {
		return this.accounts.updateProfile(userId, name, email, language).toProfile();
	}

	/** How many accounts exist (active and blocked), for the superuser's overview. */
	@Transactional(readOnly = true)
	public long count() {
		return this.users.search(null, null, 0, 1).total();
	}

	@Transactional(readOnly = true)
	public Optional<UserProfile> find(long userId) {
		return this.users.find(userId).map(UserRecord::toProfile);
	}

	/**
	 * The signed-in caller's profile. A bearer-token or API-key request already read the
	 * user's row to authenticate (a moment ago, in this request), so that read is reused;
	 * otherwise (web session) the row is read now.
	 */
	public Optional<UserProfile> profileOf(CurrentUser user) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CurrentUserAuthentication current && current.getPrincipal().id() == user.id()) {
			UserProfile profile = current.profile();
			if (profile != null) {
				return Optional.of(profile);
			}
		}
		return this.users.find(user.id()).map(UserRecord::toProfile);
	}

	/** The user who linked this Telegram account, if any. */
	@Transactional(readOnly = true)
	public Optional<UserProfile> findByTelegramUserId(long telegramUserId) {
		return this.users.findByTelegramUserId(telegramUserId).map(UserRecord::toProfile);
	}

	/**
	 * Stops Telegram delivery (e.g. the Bot API answered 403: the user blocked the bot).
	 */
	@Transactional
	public void disableTelegram(long userId) {
		this.users.disableTelegram(userId);
	}

	/**
	 * Links a Telegram account to the user with this phone (a contact the user shared
	 * with the bot, so Telegram vouches for the number) and enables delivery to
	 * {@code chatId}.
	 * @return the linked user, or empty when no active user has that phone
	 */
	@Transactional
	public Optional<UserProfile> linkTelegramByPhone(String phone, long telegramUserId, long chatId) {
		Optional<UserRecord> user = Phones.normalize(phone).flatMap(this.users::findByLogin).filter(UserRecord::active);
		user.ifPresent(u -> {
			this.users.linkTelegram(u.id(), telegramUserId, chatId);
			this.audit.record(u.id(), "telegram.linked", "user", String.valueOf(u.id()),
					java.util.Map.of("via", "phone-contact"));
		});
		return user.flatMap(u -> find(u.id()));
	}

	/**
	 * Active users holding the role (the first 100 by id), e.g. the superusers to alert
	 * about a payment that needs a person.
	 */
	@Transactional(readOnly = true)
	public List<UserProfile> activeWithRole(Role role) {
		return this.users.search(null, role, 0, 100)
			.items()
			.stream()
			.filter(UserRecord::active)
			.map(UserRecord::toProfile)
			.toList();
	}

	/** A Telegram account linked by its phone; {@code created}: a new account. */
	public record TelegramLink(UserProfile user, boolean created) {
	}

	/**
	 * Links a Telegram account by a phone contact its owner shared with the bot: to the
	 * active user with that phone (the same person on the web and in chat), or to a new
	 * user account (role USER; it has no usable password and signs in with Telegram) when
	 * nobody has the phone yet.
	 * @return empty for a phone that is not a valid number or belongs to a blocked user
	 */
	@Transactional
	public Optional<TelegramLink> linkOrRegisterByPhone(String phone, String name, Language language,
			long telegramUserId, long chatId) {
		Optional<String> e164 = Phones.normalize(phone.startsWith("+") || phone.startsWith("8") ? phone : "+" + phone);
		if (e164.isEmpty()) {
			return Optional.empty();
		}
		Optional<UserRecord> existing = this.users.findByLogin(e164.get());
		if (existing.isPresent()) {
			return linkTelegramByPhone(e164.get(), telegramUserId, chatId).map(user -> new TelegramLink(user, false));
		}
		String displayName = name.isBlank() ? e164.get() : name.strip();
		long id = this.accounts.create(displayName.length() > 200 ? displayName.substring(0, 200) : displayName,
				e164.get(), null, randomPassword(), language, java.util.Set.of(Role.USER), null, null);
		this.users.linkTelegram(id, telegramUserId, chatId);
		this.audit.record(id, "telegram.linked", "user", String.valueOf(id),
				java.util.Map.of("via", "bot-registration"));
		return find(id).map(user -> new TelegramLink(user, true));
	}

	/** A password nobody knows (bcrypt reads at most 72 bytes: 48 characters here). */
	private static String randomPassword() {
		byte[] bytes = new byte[36];
		new java.security.SecureRandom().nextBytes(bytes);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
