package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.PasswordResetRequested;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by a link sent to the account's e-mail and, when the account receives
 * Telegram messages, to Telegram. Asking says nothing about whether an account exists:
 * every request gets the same answer at once, after the per-client limit only; the link
 * is looked up, made and sent in the background, one request after another in the order
 * they came, so the time of the answer says nothing about the account either (it used to
 * take about ten times longer for an account that gets a link). A link carries a random
 * 256-bit token, is single-use, expires ({@code zhilyego.identity.password-reset.ttl})
 * and is replaced by the next request; the database keeps its SHA-256 (and, until it is
 * used or replaced, a sealed copy for the message being sent). Requests are limited per
 * account (silently: more send nothing) and per client address ("try again later"). A
 * reset signs the account out everywhere (web sessions and API refresh tokens) and is
 * audited.
 */
@Service
public class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final JdbcClient jdbc;

	private final Users users;

	private final SecretBox box;

	private final PasswordEncoder passwords;

	private final Tokens tokens;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PasswordResetProperties settings;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final RateLimiter perClient;

	private final TransactionTemplate transactions;

	private final ExecutorService issuer;

	PasswordResets(JdbcClient jdbc, Users users, SecretBox box, PasswordEncoder passwords, Tokens tokens,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, PasswordResetProperties settings,
			ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.users = users;
		this.box = box;
		this.passwords = passwords;
		this.tokens = tokens;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.sessions = sessions;
		// buckets refill on the wall clock (like the other rate limits), never on a test
		// clock
		this.perClient = new RateLimiter(settings.perClientPerHour(), Duration.ofHours(1), 100_000, Clock.systemUTC());
		this.transactions = new TransactionTemplate(transactionManager);
		// one at a time, in order ("only the newest link works" means the last request);
		// a full queue makes the caller do the work itself rather than lose a request
		this.issuer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
				Thread.ofPlatform().name("password-reset-", 0).daemon().factory(),
				new ThreadPoolExecutor.CallerRunsPolicy());
	}

	@PreDestroy
	void stop() {
		this.issuer.shutdown();
	}

	/**
	 * Sends a reset link to the account with this e-mail or phone, if there is an active
	 * one that can receive it; otherwise does nothing. The caller answers the same way in
	 * both cases.
	 * @param clientAddress the client's address for the per-client limit (null: none)
	 * @throws ProblemException 429 when this client asked too often (about any login)
	 */
	public void request(@Nullable String login, @Nullable String clientAddress) {
		if (clientAddress != null) {
			RateLimiter.Decision decision = this.perClient.tryConsume(clientAddress);
			if (!decision.allowed()) {
				throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "rateLimit.exceeded",
						decision.retryAfterSeconds());
			}
		}
		this.issuer.execute(RequestIds.propagate(() -> {
			try {
				this.transactions.executeWithoutResult(status -> issue(login));
			}
			catch (RuntimeException ex) {
				log.warn("Password reset request failed: {}", ex.getClass().getName(), ex);
			}
		}));
	}

	private void issue(@Nullable String login) {
		// made for every request, so that an unknown login costs the same up to here
		String token = Hashes.randomToken(32);
		String hash = Hashes.sha256(token);
		if (login == null || login.isBlank() || login.length() > 320) {
			return;
		}
		UserRecord user = this.users.findByLogin(login).filter(UserRecord::active).orElse(null);
		if (user == null) {
			return;
		}
		Long chat = user.telegramChatId() != null && user.telegramEnabled() ? user.telegramChatId() : null;
		if (user.email() == null && chat == null) {
			return;
		}
		Instant now = this.clock.instant();
		long recent = this.jdbc.sql("""
				select count(*) from password_resets where user_id = :user and created_at > :since
				""")
			.param("user", user.id())
			.param("since", Instants.utc(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= this.settings.perAccountPerHour()) {
			return;
		}
		// only the newest link works
		retire(user.id(), now);
		Instant expires = now.plus(this.settings.ttl());
		long id = this.jdbc.sql("""
				insert into password_resets (user_id, token_hash, sealed_token, created_at, expires_at)
				values (:user, :hash, :sealed, :now, :expires)
				returning id
				""")
			.param("user", user.id())
			.param("hash", hash)
			.param("sealed", this.box.encrypt(token))
			.param("now", Instants.utc(now))
			.param("expires", Instants.utc(expires))
			.query(Long.class)
			.single();
		this.audit.record(user.id(), "user.password-reset-requested", "user", String.valueOf(user.id()),
				Map.of("reset", id));
		this.events
			.publishEvent(new PasswordResetRequested(id, user.id(), user.email(), chat, user.language(), expires));
	}

	/** Whether the token is good now (the reset form is shown only then). */
	@Transactional(readOnly = true)
	public boolean valid(@Nullable String token) {
		return token != null && find(token, false).isPresent();
	}

	/**
	 * Sets a new password with a good token, uses the token up, retires every other link
	 * of the account and signs it out everywhere.
	 * @return the account
	 * @throws ProblemException 400 on {@code token} when the link is unknown, used,
	 * replaced or expired; 400 on {@code password} when the password is not acceptable
	 * (the token stays good then)
	 */
	@Transactional
	public long reset(@Nullable String token, String newPassword) {
		Pending pending = (token == null ? Optional.<Pending>empty() : find(token, true))
			.orElseThrow(() -> ProblemException.invalidField("token", "user.passwordReset.invalid"));
		UserRecord user = this.users.find(pending.userId())
			.filter(UserRecord::active)
			.orElseThrow(() -> ProblemException.invalidField("token", "user.passwordReset.invalid"));
		Accounts.checkPassword(newPassword);
		Instant now = this.clock.instant();
		this.users.setPasswordHash(user.id(), this.passwords.encode(newPassword));
		retire(user.id(), now);
		this.tokens.revokeAll(user.id());
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(String.valueOf(user.id())).keySet().forEach(repository::deleteById);
		}
		this.audit.record(user.id(), "user.password-reset", "user", String.valueOf(user.id()),
				Map.of("reset", pending.id()));
		return user.id();
	}

	/**
	 * The token of a reset request that is still good and is the recipient's, for the
	 * message being sent.
	 */
	@Transactional(readOnly = true)
	public Optional<String> pendingToken(long resetId, long userId) {
		return this.jdbc.sql("""
				select sealed_token from password_resets
				where id = :id and user_id = :user and used_at is null and expires_at > :now
				  and sealed_token is not null
				""")
			.param("id", resetId)
			.param("user", userId)
			.param("now", Instants.utc(this.clock.instant()))
			.query(String.class)
			.optional()
			.map(this.box::decrypt);
	}

	private record Pending(long id, long userId) {
	}

	private Optional<Pending> find(String token, boolean lock) {
		if (token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, user_id from password_resets
				where token_hash = :hash and used_at is null and expires_at > :now
				""" + (lock ? " for update" : ""))
			.param("hash", Hashes.sha256(token))
			.param("now", Instants.utc(this.clock.instant()))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("user_id")))
			.optional();
	}

	/** Every unused link of the account stops working; sealed copies are erased. */
	private void retire(long userId, Instant now) {
		this.jdbc.sql("""
				update password_resets set used_at = :now, sealed_token = null
				where user_id = :user and used_at is null
				""").param("user", userId).param("now", Instants.utc(now)).update();
	}

}
