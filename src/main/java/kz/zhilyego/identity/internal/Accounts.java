package kz.zhilyego.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.Emails;
import kz.zhilyego.common.Phones;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Own account: registration, profile, password. */
@Service
public class Accounts {

	public static final int MIN_PASSWORD = 8;

	public static final int MAX_NAME = 200;

	public static final int MAX_PASSWORD = 200;

	/**
	 * The arguments every account field message may use: {0} shortest password, {1}
	 * longest name, {2} longest e-mail, {3} longest password.
	 */
	private static final Object[] LIMITS = { MIN_PASSWORD, MAX_NAME, Emails.MAX_LENGTH, MAX_PASSWORD };

	private final Users users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Tokens tokens;

	private final org.springframework.context.ApplicationEventPublisher events;

	Accounts(Users users, PasswordEncoder passwords, AuditLog audit, Tokens tokens,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.tokens = tokens;
	}

	/**
	 * Creates a user account (role USER, or the given roles for staff created by admins).
	 */
	/**
	 * Checks every field first and answers with all that are wrong at once (400 with a
	 * message per field): name 1–{@value #MAX_NAME} characters, a valid phone nobody has,
	 * an optional e-mail that is a real address nobody has, a password of
	 * {@value #MIN_PASSWORD}–{@value #MAX_PASSWORD} characters.
	 */
	@Transactional
	public long create(String name, String phone, @Nullable String email, String password, Language language,
			Set<Role> roles, @Nullable Long agencyId, @Nullable Long actorId) {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanName = checkName(name, errors);
		String e164 = Phones.normalize(phone == null ? "" : phone).orElse(null);
		if (e164 == null) {
			errors.put("phone", "user.phone.invalid");
		}
		else if (this.users.phoneTaken(e164)) {
			errors.put("phone", "user.phone.taken");
		}
		String mail = checkEmail(email, -1, errors);
		String problem = passwordProblem(password);
		if (problem != null) {
			errors.put("password", problem);
		}
		if (!errors.isEmpty() || e164 == null) {
			throw invalid(errors);
		}
		long id = this.users.insert(e164, mail, cleanName, this.passwords.encode(password), language, roles, agencyId);
		this.audit.record(actorId == null ? id : actorId, "user.created", "user", String.valueOf(id),
				Map.of("roles", roles.toString()));
		this.events.publishEvent(new kz.zhilyego.identity.UserRegistered(id,
				roles.stream().map(Enum::name).sorted().toList(), agencyId, actorId));
		return id;
	}

	/**
	 * Changes name, e-mail and language, or answers with every wrong field at once; text
	 * is never cut to fit.
	 */
	@Transactional
	public UserRecord updateProfile(long userId, String name, @Nullable String email, Language language) {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanName = checkName(name, errors);
		String mail = checkEmail(email, userId, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		this.users.updateProfile(userId, cleanName, mail, language);
		return this.users.find(userId).orElseThrow();
	}

	private static String checkName(@Nullable String name, Map<String, String> errors) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			errors.put("name", "user.name.required");
		}
		else if (clean.length() > MAX_NAME) {
			errors.put("name", "user.name.tooLong");
		}
		return clean;
	}

	private @Nullable String checkEmail(@Nullable String email, long userId, Map<String, String> errors) {
		String mail = StringUtils.hasText(email) ? email.strip() : null;
		if (mail == null) {
			return null;
		}
		if (mail.length() > Emails.MAX_LENGTH) {
			errors.put("email", "user.email.tooLong");
		}
		else if (!Emails.valid(mail)) {
			errors.put("email", "user.email.invalid");
		}
		else if (this.users.emailTaken(mail, userId)) {
			errors.put("email", "user.email.taken");
		}
		return mail;
	}

	private static ProblemException invalid(Map<String, String> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, LIMITS);
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

	static void checkPassword(@Nullable String password) {
		String problem = passwordProblem(password);
		if (problem != null) {
			throw invalid(Map.of("password", problem));
		}
	}

	private static @Nullable String passwordProblem(@Nullable String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			return "user.password.weak";
		}
		return password.length() > MAX_PASSWORD ? "user.password.tooLong" : null;
	}

}
