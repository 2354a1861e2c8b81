package kz.zhilyego.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.notification.ReminderKind;
import kz.zhilyego.notification.Reminders;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guest's answer to a feedback request — by a one-click link (the token in the link is
 * the guest's proof) or in Telegram (the chat's linked account must be the guest). The
 * first rating counts; it cancels the pending reminder. Ratings in
 * {@code zhilyego.feedback.link-ratings} are shown the public review sites, ratings of
 * 1–4 are asked "what could we do better?"; the answer (once) becomes a follow-up for the
 * realtor, who hears of it by e-mail, in Telegram and in the app.
 */
@Service
public class Feedback {

	private static final int MAX_COMMENT = 2000;

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final JdbcClient jdbc;

	private final BookingQueries bookings;

	private final ReviewLinks links;

	private final Reminders reminders;

	private final Notifications notifications;

	private final UserDirectory users;

	private final FeedbackProperties properties;

	private final Clock clock;

	private final String baseUrl;

	Feedback(JdbcClient jdbc, BookingQueries bookings, ReviewLinks links, Reminders reminders,
			Notifications notifications, UserDirectory users, FeedbackProperties properties, Clock clock,
			NotificationProperties notificationProperties) {
		this.jdbc = jdbc;
		this.bookings = bookings;
		this.links = links;
		this.reminders = reminders;
		this.notifications = notifications;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = notificationProperties.publicBaseUrl();
	}

	/**
	 * Where a request stands, with what to show: the review sites (a rating in the
	 * setting) and whether to ask what could be better (1–4, no answer yet).
	 */
	public record Answer(long requestId, UUID bookingId, String listingTitle, @Nullable Integer rating,
			boolean askComment, boolean commented, List<ReviewLinks.Site> sites) {

		public Answer {
			sites = List.copyOf(sites);
		}

	}

	/** How an answer came. */
	public enum Via {

		TELEGRAM, LINK

	}

	private record Request(long id, UUID bookingId, long guestId, long ownerId, @Nullable Integer rating,
			@Nullable String comment) {
	}

	/** The request behind a link; empty for an unknown token. */
	@Transactional
	public Optional<Answer> byToken(String token) {
		return requestOfToken(token).map(this::answer);
	}

	@Transactional
	public Answer rateByToken(String token, int rating) {
		Request request = requestOfToken(token).orElseThrow(() -> ProblemException.notFound("feedback.notFound"));
		return rate(request, rating, Via.LINK);
	}

	@Transactional
	public Answer commentByToken(String token, @Nullable String comment) {
		Request request = requestOfToken(token).orElseThrow(() -> ProblemException.notFound("feedback.notFound"));
		return comment(request, comment);
	}

	/** A tap on a rating button; only the guest's own chat counts. */
	@Transactional
	public Answer rateInChat(long requestId, int rating, long userId) {
		return rate(requestOfGuest(requestId, userId), rating, Via.TELEGRAM);
	}

	@Transactional
	public Answer commentInChat(long requestId, @Nullable String comment, long userId) {
		return comment(requestOfGuest(requestId, userId), comment);
	}

	private Answer rate(Request request, int rating, Via via) {
		if (rating < 1 || rating > 5) {
			throw ProblemException.invalidField("rating", "feedback.rating");
		}
		int rated = this.jdbc.sql("""
				update feedback_requests set rating = :rating, rated_at = :now, rated_via = :via
				where id = :id and rating is null
				""")
			.param("rating", rating)
			.param("now", Instants.utc(this.clock.instant()))
			.param("via", via.name())
			.param("id", request.id())
			.update();
		if (rated == 1) {
			this.reminders.cancel(request.bookingId(), ReminderKind.FEEDBACK_REMINDER);
		}
		return answer(load(request.id()));
	}

	private Answer comment(Request request, @Nullable String comment) {
		String text = comment == null ? "" : comment.strip();
		if (text.isEmpty() || text.length() > MAX_COMMENT) {
			throw ProblemException.invalidField("comment", "feedback.comment", MAX_COMMENT);
		}
		if (request.rating() == null || request.rating() > 4) {
			throw ProblemException.conflict("feedback-not-asked", "feedback.notAsked");
		}
		Instant now = this.clock.instant();
		Instant due = now.plus(this.properties.followUpTarget());
		int saved = this.jdbc.sql("""
				update feedback_requests set comment = :comment, commented_at = :now, follow_up_due_at = :due
				where id = :id and comment is null
				""")
			.param("comment", text)
			.param("now", Instants.utc(now))
			.param("due", Instants.utc(due))
			.param("id", request.id())
			.update();
		if (saved == 1) {
			tellRealtor(request, text, due);
		}
		return answer(load(request.id()));
	}

	/** The realtor's follow-up item, announced by e-mail, in Telegram and in the app. */
	private void tellRealtor(Request request, String comment, Instant due) {
		BookingDetails booking = this.bookings.find(request.bookingId()).orElseThrow();
		UserProfile owner = this.users.find(request.ownerId()).orElse(null);
		if (owner == null) {
			return;
		}
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(NotificationKind.FEEDBACK_FOLLOW_UP_REALTOR, "feedback-follow-up:" + request.id() + ":realtor")
			.recipient(owner.id(), owner.language())
			.param("bookingId", booking.id())
			.param("listingTitle", booking.listingTitle())
			.param("checkIn", booking.checkIn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
			.param("checkOut", booking.checkOut().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
			.param("guestName", booking.guestName())
			.param("rating", request.rating() + " / 5")
			.param("comment", comment)
			.param("dueAt", due.atZone(Zones.KAZAKHSTAN).format(DUE))
			.param("followUpsUrl", this.baseUrl + "/realtor/feedback")
			.booking(booking.id());
		if (owner.email() != null) {
			this.notifications.enqueue(message.email(owner.email()));
		}
		if (owner.telegramChatId() != null && owner.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(owner.telegramChatId())));
		}
		this.notifications.enqueue(message.inApp());
	}

	private Answer answer(Request request) {
		BookingDetails booking = this.bookings.find(request.bookingId()).orElseThrow();
		Integer rating = request.rating();
		List<ReviewLinks.Site> sites = rating != null && this.properties.linkRatings().contains(rating)
				? this.links.sitesFor(booking) : List.of();
		return new Answer(request.id(), booking.id(), booking.listingTitle(), rating,
				rating != null && rating <= 4 && request.comment() == null, request.comment() != null, sites);
	}

	private Optional<Request> requestOfToken(String token) {
		if (token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select r.id from feedback_links l join feedback_requests r on r.id = l.request_id
				where l.token_hash = :hash
				""").param("hash", FeedbackRequests.hash(token)).query(Long.class).optional().map(this::load);
	}

	private Request requestOfGuest(long requestId, long userId) {
		Request request = this.jdbc.sql("select id from feedback_requests where id = :id")
			.param("id", requestId)
			.query(Long.class)
			.optional()
			.map(this::load)
			.orElse(null);
		if (request == null || request.guestId() != userId) {
			throw ProblemException.notFound("feedback.notFound");
		}
		return request;
	}

	private Request load(long id) {
		return this.jdbc.sql("""
				select id, booking_id, guest_id, owner_id, rating, comment from feedback_requests
				where id = :id
				for update
				""").param("id", id).query((rs, n) -> {
			Integer rating = rs.getObject("rating", Integer.class);
			return new Request(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("guest_id"),
					rs.getLong("owner_id"), rating, rs.getString("comment"));
		}).single();
	}

}
