package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Phones;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guests someone else booked. Each is matched to the account with the same phone, else
 * e-mail, or gets a lightweight account ({@link UserDirectory#findOrRegisterGuest}); the
 * guests we made an account for get a one-tap Telegram link
 * ({@code t.me/<bot>?start=g-<token>}) in their e-mails and WhatsApp messages until they
 * linked Telegram: a random single-use token, stored only as its SHA-256, that links the
 * tapping Telegram account to theirs — never one that belongs to someone else.
 */
@Service
public class ExternalGuests {

	private static final Logger log = LoggerFactory.getLogger(ExternalGuests.class);

	/** The start payload prefix of a guest link. */
	public static final String START_PREFIX = "g-";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final TelegramProperties telegram;

	private final ChannelProperties properties;

	private final Clock clock;

	ExternalGuests(JdbcClient jdbc, UserDirectory users, TelegramProperties telegram, ChannelProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.telegram = telegram;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The account of a guest another system booked; remembered as an outside guest (with
	 * whether we made the account).
	 */
	@Transactional
	UserDirectory.Guest match(String name, String phone, @Nullable String email, Language language, String source) {
		UserDirectory.Guest guest = this.users.findOrRegisterGuest(name, phone, email, language);
		this.jdbc.sql("""
				insert into channel_guests (user_id, created, source, created_at)
				values (:user, :created, :source, :at)
				on conflict (user_id) do nothing
				""")
			.param("user", guest.user().id())
			.param("created", guest.matchedBy().equals("created"))
			.param("source", source)
			.param("at", Instants.utc(this.clock.instant()))
			.update();
		return guest;
	}

	/**
	 * A fresh one-tap link for a guest whose account we made and who has not linked
	 * Telegram, for a message to an address the account holds: its phone over WhatsApp,
	 * its e-mail by e-mail. Empty for anyone else, another address or without a bot
	 * username. The link links whoever opens it, so it must never go to an address the
	 * other system named for the booking: a sender could make an account for someone
	 * else's phone, have the link mailed to itself and take that phone's account.
	 */
	@Transactional
	public Optional<String> telegramLink(long userId, Channel channel, String address) {
		if (this.telegram.botUsername().isEmpty() || !madeHere(userId)) {
			return Optional.empty();
		}
		UserProfile user = this.users.find(userId).orElse(null);
		if (user == null || user.telegramChatId() != null || !holds(user, channel, address)) {
			return Optional.empty();
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into channel_guest_links (token_hash, user_id, created_at, expires_at)
				values (:hash, :user, :now, :expires)
				""")
			.param("hash", hash(token))
			.param("user", userId)
			.param("now", Instants.utc(now))
			.param("expires", Instants.utc(now.plus(this.properties.guestLinkTtl())))
			.update();
		return Optional.ofNullable(this.telegram.deepLink(START_PREFIX + token));
	}

	/** What became of a tap on a guest link. */
	public sealed interface Linked {

		/** Telegram is linked now (or was, to this very account). */
		record Done(UserProfile user) implements Linked {
		}

		/** This Telegram account belongs to another account, or the guest has another. */
		record Refused() implements Linked {
		}

		/** Unknown, used or expired. */
		record Invalid() implements Linked {
		}

	}

	/**
	 * Links the Telegram account that opened {@code t.me/<bot>?start=g-<token>} to the
	 * guest's account, once.
	 */
	@Transactional
	public Linked link(String payload, long telegramUserId, long chatId) {
		if (!payload.startsWith(START_PREFIX) || payload.length() > 64) {
			return new Linked.Invalid();
		}
		Instant now = this.clock.instant();
		Long userId = this.jdbc.sql("""
				select user_id from channel_guest_links
				where token_hash = :hash and used_at is null and expires_at > :now
				for update
				""")
			.param("hash", hash(payload.substring(START_PREFIX.length())))
			.param("now", Instants.utc(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (userId == null) {
			return new Linked.Invalid();
		}
		Optional<UserProfile> linked = this.users.linkTelegramByInvitation(userId, telegramUserId, chatId);
		if (linked.isEmpty()) {
			log.info("Guest link of user {} refused: the Telegram account or the user is linked elsewhere", userId);
			return new Linked.Refused();
		}
		this.jdbc.sql("update channel_guest_links set used_at = :now where token_hash = :hash")
			.param("now", Instants.utc(now))
			.param("hash", hash(payload.substring(START_PREFIX.length())))
			.update();
		return new Linked.Done(linked.get());
	}

	private static boolean holds(UserProfile user, Channel channel, String address) {
		return switch (channel) {
			case WHATSAPP -> {
				Optional<String> phone = Phones.normalize(address);
				yield phone.isPresent() && phone.get().equals(user.phone());
			}
			case EMAIL -> user.email() != null && user.email().equalsIgnoreCase(address.strip());
			default -> false;
		};
	}

	private boolean madeHere(long userId) {
		return this.jdbc.sql("select created from channel_guests where user_id = :user")
			.param("user", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
