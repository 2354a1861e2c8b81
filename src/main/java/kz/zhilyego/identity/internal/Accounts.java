package kz.zhilyego.identity.internal;

import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.Phones;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Own account: registration, profile, password. */
@Service
public class Accounts {

	public static final int MIN_PASSWORD = 8;

	private final Users users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Tokens tokens;

	Accounts(Users users, PasswordEncoder passwords, AuditLog audit, Tokens tokens) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.tokens = tokens;
	}

	/**
	 * Creates a user account (role USER, or the given roles for staff created by admins).
	 */
	@Transactional
	public long create(String name, String phone, @Nullable String email, String password, Language language,
			Set<Role> roles, @Nullable Long agencyId, @Nullable Long actorId) {
		String e164 = Phones.normalize(phone)
			.orElseThrow(() -> ProblemException.invalidField("phone", "user.phone.invalid"));
		if (this.users.phoneTaken(e164)) {
			throw ProblemException.invalidField("phone", "user.phone.taken");
		}
		String mail = StringUtils.hasText(email) ? email.trim() : null;
		if (mail != null && this.users.emailTaken(mail, -1)) {
			throw ProblemException.invalidField("email", "user.email.taken");
		}
		checkName(name);
		checkPassword(password);
		long id = this.users.insert(e164, mail, name.trim(), this.passwords.encode(password), language, roles,
				agencyId);
		this.audit.record(actorId == null ? id : actorId, "user.created", "user", String.valueOf(id),
				Map.of("roles", roles.toString()));
		return id;
	}

	@Transactional
	public UserRecord updateProfile(long userId, String name, @Nullable String email, Language language) {
		String mail = StringUtils.hasText(email) ? email.trim() : null;
		if (mail != null && this.users.emailTaken(mail, userId)) {
			throw ProblemException.invalidField("email", "user.email.taken");
		}
		checkName(name);
		this.users.updateProfile(userId, name.trim(), mail, language);
		return this.users.find(userId).orElseThrow();
	}

	/** The longest name (the {@code users.name} check says the same). */
	public static final int MAX_NAME = 200;

	private static void checkName(String name) {
		if (name.isBlank()) {
			throw ProblemException.invalidField("name", "NotBlank");
		}
		if (name.trim().length() > MAX_NAME) {
			throw ProblemException.invalidField("name", "user.name.tooLong", MAX_NAME);
		}
	}

	@Transactional
	public void changePassword(long userId, String current, String next) {
		UserRecord user = this.users.find(userId).orElseThrow();
		if (!this.passwords.matches(current, user.passwordHash())) {
			throw ProblemException.invalidField("currentPassword", "user.password.wrong");
		}
		checkPassword(next);
		this.users.setPasswordHash(userId, this.passwords.encode(next));
		this.tokens.revokeAll(userId);
		this.audit.record(userId, "user.password-changed", "user", String.valueOf(userId), Map.of());
	}

	private static void checkPassword(String password) {
		if (password.length() < MIN_PASSWORD || password.length() > 200) {
			throw ProblemException.invalidField("password", "user.password.weak", MIN_PASSWORD);
		}
	}

}
