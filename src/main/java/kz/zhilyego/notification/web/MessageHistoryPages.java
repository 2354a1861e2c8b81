package kz.zhilyego.notification.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.MessageHistory;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Reminders;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The message history as pages: the guest's messages in the cabinet, a booking's messages
 * and scheduled jobs on the booking desk (a section the desk loads, or a page of its own
 * without JavaScript), and the superuser's filtered list.
 */
@Controller
class MessageHistoryPages {

	private static final int PAGE = 20;

	private final MessageHistory history;

	private final BookingMessagesAccess bookings;

	private final Reminders reminders;

	MessageHistoryPages(MessageHistory history, BookingMessagesAccess bookings, Reminders reminders) {
		this.history = history;
		this.bookings = bookings;
		this.reminders = reminders;
	}

	@GetMapping("/account/messages")
	String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		PageResult<MessageHistory.Entry> result = this.history.ofRecipient(user.id(), null, Math.max(0, page), PAGE);
		model.addAttribute("result", result);
		model.addAttribute("section", "messages");
		return "notification/account-messages";
	}

	@GetMapping("/realtor/bookings/{id}/messages")
	String ofBooking(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		BookingDetails booking = this.bookings.requireStaff(id, user);
		model.addAttribute("booking", booking);
		model.addAttribute("messages", this.history.ofBooking(id));
		model.addAttribute("jobs", this.reminders.ofBooking(id));
		return request.getHeader("HX-Request") != null ? "notification/booking-messages :: section"
				: "notification/booking-messages";
	}

	@GetMapping("/admin/messages")
	String all(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable NotificationKind kind,
			@RequestParam(required = false) @Nullable UUID bookingId,
			@RequestParam(required = false) @Nullable Long recipientId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Principals.requireSuperuser(user);
		model.addAttribute("result", this.history.search(MessageHistoryApiController.filter(channel, status, kind,
				bookingId, recipientId, from, to, Math.max(0, page), 50)));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("statuses", MessageHistory.STATUSES);
		model.addAttribute("channel", channel);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("bookingId", bookingId);
		model.addAttribute("recipientId", recipientId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "notification/admin-messages";
	}

}
