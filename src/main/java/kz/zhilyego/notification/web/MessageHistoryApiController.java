package kz.zhilyego.notification.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.MessageHistory;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Reminders;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message history: the signed-in person's own messages, a booking's messages and
 * scheduled jobs for staff whose scope covers it, everything for the superuser.
 */
@RestController
@Tag(name = "Message history", description = "Every message sent to a person, and each booking's scheduled jobs")
class MessageHistoryApiController {

	private final MessageHistory history;

	private final BookingMessagesAccess bookings;

	private final Reminders reminders;

	MessageHistoryApiController(MessageHistory history, BookingMessagesAccess bookings, Reminders reminders) {
		this.history = history;
		this.bookings = bookings;
		this.reminders = reminders;
	}

	/** A message as its recipient sees it (no error text of the provider). */
	record OwnMessage(long id, NotificationKind kind, Channel channel, @Nullable UUID bookingId,
			@Nullable String address, String status, int attempts, @Nullable String providerMessageId,
			Instant createdAt, @Nullable Instant sentAt) {

		static OwnMessage of(MessageHistory.Entry e) {
			return new OwnMessage(e.id(), e.kind(), e.channel(), e.bookingId(), e.address(), e.status(), e.attempts(),
					e.providerMessageId(), e.createdAt(), e.sentAt());
		}

	}

	/** A booking's messages and its scheduled jobs. */
	record BookingHistory(UUID bookingId, List<MessageHistory.Entry> messages, List<Reminders.Scheduled> jobs) {
	}

	@GetMapping("/api/v1/me/messages")
	@Operation(summary = "Messages sent to me, newest first")
	PageResult<OwnMessage> mine(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PageResult<MessageHistory.Entry> result = this.history.ofRecipient(Principals.require(user).id(), channel, page,
				size);
		return new PageResult<>(result.total(), result.page(), result.size(),
				result.items().stream().map(OwnMessage::of).toList());
	}

	@GetMapping("/api/v1/realtor/bookings/{id}/messages")
	@Operation(summary = "A booking's messages (to its guest and staff) and scheduled jobs (staff in scope)")
	BookingHistory ofBooking(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
		this.bookings.requireStaff(id, Principals.require(user));
		return new BookingHistory(id, this.history.ofBooking(id), this.reminders.ofBooking(id));
	}

	@GetMapping("/api/v1/admin/messages")
	@Operation(summary = "Every message with filters, newest first (superuser)")
	PageResult<MessageHistory.Entry> all(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable NotificationKind kind,
			@RequestParam(required = false) @Nullable UUID bookingId,
			@RequestParam(required = false) @Nullable Long recipientId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
		Principals.requireSuperuser(user);
		return this.history.search(filter(channel, status, kind, bookingId, recipientId, from, to, page, size));
	}

	static MessageHistory.Filter filter(@Nullable Channel channel, @Nullable String status,
			@Nullable NotificationKind kind, @Nullable UUID bookingId, @Nullable Long recipientId,
			@Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
		if (wanted != null && !MessageHistory.STATUSES.contains(wanted)) {
			throw ProblemException.invalidField("status", "notification.history.status",
					String.join(", ", MessageHistory.STATUSES));
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw ProblemException.invalidField("to", "notification.history.period");
		}
		return new MessageHistory.Filter(channel, wanted, kind, bookingId, recipientId,
				from == null ? null : from.atStartOfDay(Zones.KAZAKHSTAN).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toInstant(), page, size);
	}

}
