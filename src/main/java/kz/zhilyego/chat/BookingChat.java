package kz.zhilyego.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.storage.FileStorage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading, posting and deleting messages of a booking's chat. Every call first checks the
 * flag and the caller's place in the chat ({@link ChatAccess}): outside it, a 404 that
 * does not tell whether the booking exists.
 */
@Service
public class BookingChat {

	/** Longest text of one message. */
	public static final int MAX_TEXT = 2_000;

	/** Largest photo accepted (5 MB). */
	public static final int MAX_PHOTO_BYTES = ChatPhotos.MAX_BYTES;

	/** Largest page of messages. */
	public static final int MAX_PAGE = 100;

	/** After one notice, further messages of a burst notify again only after this. */
	static final Duration QUIET = Duration.ofMinutes(30);

	private final ChatAccess access;

	private final ChatMessages messages;

	private final ChatPhotos photos;

	private final ChatNotices notices;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final UserDirectory users;

	BookingChat(ChatAccess access, ChatMessages messages, ChatPhotos photos, ChatNotices notices, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, UserDirectory users) {
		this.users = users;
		this.access = access;
		this.messages = messages;
		this.photos = photos;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A page of the chat, newest first.
	 *
	 * @param participant how the caller takes part
	 * @param open whether new messages may be posted (until 14 days after check-out)
	 * @param closesAt when the chat becomes read-only
	 * @param masking whether contacts in new messages are masked (the booking is not
	 * paid)
	 * @param unread the caller's unread messages before this read (0 for a reader)
	 * @param nextBefore the {@code before} of the next (older) page; null on the last
	 */
	public record Page(UUID bookingId, String bookingNumber, String listingTitle, ChatParticipant participant,
			boolean open, Instant closesAt, boolean masking, int unread, List<ChatMessage> messages,
			@Nullable Long nextBefore) {
	}

	/** An uploaded photo as received. */
	public record Photo(byte[] bytes, @Nullable String declaredType) {
	}

	/**
	 * Reads a page of the chat; a participant's read marks everything up to the newest
	 * message as read (a reader's does not).
	 */
	@Transactional
	public Page read(UUID bookingId, CurrentUser user, @Nullable Long before, int size) {
		ChatAccess.Entry entry = this.access.require(bookingId, user);
		BookingDetails booking = entry.booking();
		int pageSize = Math.max(1, Math.min(MAX_PAGE, size));
		this.messages.ensureChat(bookingId, booking.guestId(), booking.ownerId(), this.clock.instant());
		int unread = entry.participant().writes() ? this.messages.unread(bookingId, user.id()) : 0;
		List<ChatMessage> page = this.messages.page(bookingId, before, pageSize + 1, user.id());
		Long next = null;
		if (page.size() > pageSize) {
			page = page.subList(0, pageSize);
			next = page.get(pageSize - 1).id();
		}
		if (entry.participant().writes() && before == null) {
			this.messages.markRead(bookingId, user.id(), this.clock.instant());
		}
		List<ChatMessage> named = page.stream().map(m -> named(m, entry)).toList();
		return new Page(bookingId, booking.number(), booking.listingTitle(), entry.participant(),
				entry.openAt(this.clock.instant()), entry.closesAt(), entry.masking(), unread, named, next);
	}

	/** The caller's unread messages, or 0 when the chat is off or not theirs. */
	@Transactional(readOnly = true)
	public int unread(UUID bookingId, CurrentUser user) {
		ChatAccess.Entry entry = this.access.find(bookingId, user).orElse(null);
		if (entry == null || !entry.participant().writes()) {
			return 0;
		}
		return this.messages.unread(bookingId, user.id());
	}

	/**
	 * Whether the caller may open the booking's chat (the flag is on and it is theirs).
	 */
	@Transactional(readOnly = true)
	public boolean available(UUID bookingId, CurrentUser user) {
		return this.access.find(bookingId, user).isPresent();
	}

	/**
	 * Posts a message: text (at most {@link #MAX_TEXT} characters), a photo (at most 5
	 * MB, JPEG, PNG or WebP by its content) or both. Only the guest and the realtor post,
	 * while the chat is open. Contacts are masked before the booking is paid.
	 * @param via {@code WEB}, {@code API} or {@code TELEGRAM}
	 */
	@Transactional
	public ChatMessage post(UUID bookingId, CurrentUser user, @Nullable String text, @Nullable Photo photo,
			String via) {
		ChatAccess.Entry entry = this.access.require(bookingId, user);
		if (!entry.participant().writes()) {
			throw ProblemException.forbidden("chat.readOnlyForStaff");
		}
		Instant now = this.clock.instant();
		if (!entry.openAt(now)) {
			throw new ProblemException(HttpStatus.CONFLICT, "chat-closed", "chat.closed");
		}
		String body = text == null ? null : text.strip();
		if (body != null && body.isEmpty()) {
			body = null;
		}
		if (body == null && photo == null) {
			throw ProblemException.invalidField("text", "chat.error.empty");
		}
		if (body != null && body.codePointCount(0, body.length()) > MAX_TEXT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
					Map.of("text", "chat.error.tooLong"), MAX_TEXT);
		}
		boolean masked = false;
		if (body != null && entry.masking()) {
			ContactMasking.Masked result = ContactMasking.mask(body);
			body = result.text();
			masked = result.masked();
		}
		ChatPhotos.Saved saved = photo == null ? null : this.photos.save(bookingId, photo);
		BookingDetails booking = entry.booking();
		this.messages.ensureChat(bookingId, booking.guestId(), booking.ownerId(), now);
		this.messages.lock(bookingId);
		String side = entry.participant().name();
		long id = this.messages.insert(bookingId, user.id(), side, body, masked, saved == null ? null : saved.key(),
				saved == null ? null : saved.contentType(), saved == null ? 0 : saved.size(), via, now);
		this.messages.markRead(bookingId, user.id(), now);
		long recipient = entry.participant() == ChatParticipant.GUEST ? booking.ownerId() : booking.guestId();
		if (recipient != user.id() && this.messages.claimNotice(bookingId, recipient, id, now, now.minus(QUIET))) {
			this.notices.tell(booking, recipient, entry.participant(), user.name(), body, saved != null, id);
		}
		this.events.publishEvent(new ChatMessagePosted(bookingId, id, user.id(), now));
		return new ChatMessage(id, bookingId, user.id(), user.name(), side, body, masked, saved != null, via, now,
				false, false);
	}

	/**
	 * A participant answers from a messenger (the Telegram "Reply" button): the same
	 * rules as on the web.
	 */
	@Transactional
	public ChatMessage postFromMessenger(UUID bookingId, long userId, String text) {
		return post(bookingId, userOf(userId), text, null, "TELEGRAM");
	}

	/** Whether the user may post in the booking's chat now (the "Reply" button). */
	@Transactional(readOnly = true)
	public boolean canPostFromMessenger(UUID bookingId, long userId) {
		return this.access.find(bookingId, userOf(userId))
			.filter(entry -> entry.participant().writes() && entry.openAt(this.clock.instant()))
			.isPresent();
	}

	private CurrentUser userOf(long userId) {
		UserProfile profile = this.users.find(userId).orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		return new CurrentUser(profile.id(), profile.name(), profile.roles(), profile.agencyId(), profile.language());
	}

	/** The author deletes a message: text and photo are gone for readers; audited. */
	@Transactional
	public void delete(UUID bookingId, long messageId, CurrentUser user) {
		this.access.require(bookingId, user);
		ChatMessages.Stored stored = this.messages.find(bookingId, messageId)
			.orElseThrow(() -> ProblemException.notFound("chat.messageNotFound"));
		if (stored.authorId() != user.id()) {
			throw ProblemException.forbidden("chat.deleteOwnOnly");
		}
		if (stored.deleted()) {
			return;
		}
		this.messages.softDelete(messageId, user.id(), this.clock.instant());
		this.audit.record(user.id(), "chat.message-deleted", "booking", bookingId.toString(),
				Map.of("messageId", messageId, "photo", stored.photoKey() != null));
	}

	/** A message's photo, for those who may read the chat. */
	@Transactional(readOnly = true)
	public FileStorage.StoredFile photo(UUID bookingId, long messageId, CurrentUser user) {
		this.access.require(bookingId, user);
		ChatMessages.Stored stored = this.messages.find(bookingId, messageId)
			.filter(m -> !m.deleted() && m.photoKey() != null)
			.orElseThrow(() -> ProblemException.notFound("chat.messageNotFound"));
		return this.photos.load(stored.photoKey());
	}

	private static ChatMessage named(ChatMessage m, ChatAccess.Entry entry) {
		String name = "GUEST".equals(m.side()) ? entry.booking().guestName() : entry.realtorName();
		return new ChatMessage(m.id(), m.bookingId(), m.authorId(), name, m.side(), m.text(), m.masked(), m.photo(),
				m.via(), m.createdAt(), m.deleted(), m.read());
	}

}
