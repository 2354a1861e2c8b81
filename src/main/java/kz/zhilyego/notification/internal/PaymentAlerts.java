package kz.zhilyego.notification.internal;

import java.time.format.DateTimeFormatter;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.notification.internal.BookingMessages.Party;
import kz.zhilyego.payment.PaymentNeedsAttention;
import kz.zhilyego.payment.PaymentsReconciled;
import kz.zhilyego.payment.RefundedByHand;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payment messages: superusers hear (e-mail and in-app) of a payment or refund that needs
 * a person and of a reconciliation with differences, with a link to the admin payment
 * queue; the guest hears that a refund was made by hand. Dedup keys make a replayed event
 * send nothing twice.
 */
@Component
class PaymentAlerts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final UserDirectory users;

	private final Notifications notifications;

	private final BookingQueries bookings;

	private final BookingMessages messages;

	private final String queueUrl;

	PaymentAlerts(UserDirectory users, Notifications notifications, BookingQueries bookings, BookingMessages messages,
			NotificationProperties properties) {
		this.users = users;
		this.notifications = notifications;
		this.bookings = bookings;
		this.messages = messages;
		this.queueUrl = properties.publicBaseUrl() + "/admin/payments";
	}

	@ApplicationModuleListener
	void on(PaymentNeedsAttention event) {
		String booking = event.bookingId().toString();
		for (UserProfile admin : this.users.activeWithRole(Role.SUPERUSER)) {
			send(OutgoingMessage
				.builder(NotificationKind.PAYMENT_ATTENTION_ADMIN,
						"payment-attention:" + event.paymentId() + ":" + event.reason() + ":" + admin.id())
				.recipient(admin.id(), admin.language())
				.param("bookingId", booking)
				.param("reason", event.reason())
				.param("queueUrl", this.queueUrl), admin);
		}
	}

	@ApplicationModuleListener
	void on(PaymentsReconciled event) {
		if (event.differences() == 0 && event.unchecked() == 0) {
			return;
		}
		for (UserProfile admin : this.users.activeWithRole(Role.SUPERUSER)) {
			send(OutgoingMessage
				.builder(NotificationKind.RECONCILIATION_REPORT_ADMIN,
						"reconciliation:" + event.day() + ":" + admin.id())
				.recipient(admin.id(), admin.language())
				.param("checkIn", event.day().format(DAY))
				.param("checked", event.checked())
				.param("differences", event.differences())
				.param("unchecked", event.unchecked())
				.param("queueUrl", this.queueUrl), admin);
		}
	}

	@ApplicationModuleListener
	void on(RefundedByHand event) {
		this.bookings.find(event.bookingId())
			.ifPresent(booking -> this.messages.send("refund-made:" + event.refundId(),
					NotificationKind.REFUND_MADE_GUEST, Party.GUEST, booking, false, null, event.amount()));
	}

	private void send(OutgoingMessage.Builder message, UserProfile admin) {
		if (admin.email() != null) {
			this.notifications.enqueue(message.email(admin.email()));
		}
		this.notifications.enqueue(message.inApp());
	}

}
