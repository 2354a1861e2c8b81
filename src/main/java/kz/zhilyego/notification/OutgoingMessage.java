package kz.zhilyego.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * One message to one address over one channel, as it is written to the outbox. Build it
 * with {@link #builder(NotificationKind, String)}: set the recipient, language and
 * parameters once, then take one message per channel ({@link Builder#email},
 * {@link Builder#telegram}, {@link Builder#whatsApp}, {@link Builder#inApp}); each gets
 * the dedup key {@code <base>:<CHANNEL>}.
 *
 * <pre>{@code
 * Builder b = OutgoingMessage.builder(BOOKING_CONFIRMED_GUEST, "booking-confirmed:" + bookingId + ":guest")
 *     .recipient(guestId, Language.KK)
 *     .param("bookingId", number).param("checkIn", "12.12.2026") ...
 *     .secretRef("booking:" + bookingId);
 * notifications.enqueue(b.email("guest@example.kz"));
 * notifications.enqueue(b.telegram("123456789"));
 * }</pre>
 *
 * @param kind what the message is about (selects the texts)
 * @param channel how it is delivered
 * @param recipientUserId the user it is for (null for someone without an account; then
 * settings and secret parameters do not apply)
 * @param address e-mail, Telegram chat id or E.164 phone; null for in-app
 * @param language the recipient's language
 * @param params template parameters, plain strings (e.g. {@code bookingId},
 * {@code listingTitle}, {@code address}, {@code checkIn}, {@code checkOut},
 * {@code nights}, {@code total}, {@code currency}, {@code guestName},
 * {@code realtorName}, {@code realtorPhone}, {@code reason}, {@code refund},
 * {@code retryUrl}, {@code bookingUrl}); never secrets
 * @param secretRef where the dispatcher gets access codes at send time
 * ({@link SecretParams}), e.g. {@code booking:<uuid>}
 * @param dedupKey unique per intended delivery: enqueuing the same key again is a no-op
 * @param bookingId the booking the message is about, for the message history (by default
 * the {@code bookingId} parameter when it is a booking's UUID)
 */
public record OutgoingMessage(NotificationKind kind, Channel channel, @Nullable Long recipientUserId,
		@Nullable String address, Language language, Map<String, String> params, @Nullable String secretRef,
		String dedupKey, @Nullable UUID bookingId) {

	public OutgoingMessage(NotificationKind kind, Channel channel, @Nullable Long recipientUserId,
			@Nullable String address, Language language, Map<String, String> params, @Nullable String secretRef,
			String dedupKey) {
		this(kind, channel, recipientUserId, address, language, params, secretRef, dedupKey,
				bookingOf(params.get("bookingId")));
	}

	private static @Nullable UUID bookingOf(@Nullable String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Parameter names reserved for {@link SecretParams}: refused in stored params. */
	public static final Set<String> SECRET_PARAM_NAMES = Set.of("intercomCode", "flatCode", "safeCode", "accessCode",
			"doorCode", "password");

	/**
	 * Parameter naming a file to attach to the e-mail ({@link Attachments}); the other
	 * channels ignore it.
	 */
	public static final String ATTACHMENT_PARAM = "attachmentRef";

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

	private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}|@[A-Za-z0-9_]{4,64}");

	public OutgoingMessage {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(dedupKey, "dedupKey");
		if (dedupKey.isBlank() || dedupKey.length() > 300) {
			throw new IllegalArgumentException("dedupKey must be 1..300 characters");
		}
		params = Map.copyOf(params);
		for (String name : params.keySet()) {
			if (SECRET_PARAM_NAMES.contains(name)) {
				throw new IllegalArgumentException(
						"Secret parameter '" + name + "' must not be stored; use secretRef and SecretParams");
			}
		}
		switch (channel) {
			case IN_APP -> {
				if (recipientUserId == null) {
					throw new IllegalArgumentException("An in-app message needs a recipient user id");
				}
				address = null;
			}
			case EMAIL ->
				require(address != null && address.indexOf('@') > 0 && address.length() <= 320, "an e-mail address");
			case TELEGRAM -> require(address != null && CHAT_ID.matcher(address).matches(), "a Telegram chat id");
			case WHATSAPP ->
				require(address != null && E164.matcher(address).matches(), "a phone number in E.164 (+77011234567)");
		}
	}

	private static void require(boolean valid, String what) {
		if (!valid) {
			throw new IllegalArgumentException("The address must be " + what);
		}
	}

	/**
	 * Starts a message family.
	 * @param kind what the messages are about
	 * @param dedupBase identifies the event and the recipient role, e.g.
	 * {@code booking-confirmed:<uuid>:guest}; the channel is appended
	 */
	public static Builder builder(NotificationKind kind, String dedupBase) {
		return new Builder(kind, dedupBase);
	}

	/**
	 * Collects what every channel's message shares; each terminal call returns one
	 * message.
	 */
	public static final class Builder {

		private final NotificationKind kind;

		private final String dedupBase;

		private @Nullable Long recipientUserId;

		private Language language = Language.RU;

		private final Map<String, String> params = new LinkedHashMap<>();

		private @Nullable String secretRef;

		private @Nullable UUID bookingId;

		private Builder(NotificationKind kind, String dedupBase) {
			this.kind = Objects.requireNonNull(kind, "kind");
			this.dedupBase = Objects.requireNonNull(dedupBase, "dedupBase");
		}

		public Builder recipient(@Nullable Long userId, Language language) {
			this.recipientUserId = userId;
			this.language = Objects.requireNonNull(language, "language");
			return this;
		}

		/** Adds a parameter; a null value is left out (the template skips that line). */
		public Builder param(String name, @Nullable Object value) {
			if (value != null) {
				this.params.put(name, value.toString());
			}
			return this;
		}

		public Builder params(Map<String, String> params) {
			params.forEach(this::param);
			return this;
		}

		/** Attaches the file behind {@code ref} to the e-mail ({@link Attachments}). */
		public Builder attachment(String ref) {
			this.params.put(ATTACHMENT_PARAM, ref);
			return this;
		}

		public Builder secretRef(@Nullable String secretRef) {
			this.secretRef = secretRef;
			return this;
		}

		/** The booking the messages are about (message history). */
		public Builder booking(@Nullable UUID bookingId) {
			this.bookingId = bookingId;
			return this;
		}

		public OutgoingMessage email(String address) {
			return build(Channel.EMAIL, address);
		}

		public OutgoingMessage telegram(String chatId) {
			return build(Channel.TELEGRAM, chatId);
		}

		public OutgoingMessage whatsApp(String phoneE164) {
			return build(Channel.WHATSAPP, phoneE164);
		}

		public OutgoingMessage inApp() {
			return build(Channel.IN_APP, null);
		}

		public OutgoingMessage build(Channel channel, @Nullable String address) {
			return this.bookingId == null
					? new OutgoingMessage(this.kind, channel, this.recipientUserId, address, this.language, this.params,
							this.secretRef, this.dedupBase + ":" + channel.name())
					: new OutgoingMessage(this.kind, channel, this.recipientUserId, address, this.language, this.params,
							this.secretRef, this.dedupBase + ":" + channel.name(), this.bookingId);
		}

	}

}
