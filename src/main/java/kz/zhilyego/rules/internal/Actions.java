package kz.zhilyego.rules.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.MarkStay;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.rules.Rule;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Carries out one validated action of a rule for one event, in its own transaction, with
 * the same services as everywhere else: notifications through the outbox (in-app, deduped
 * per rule, event and recipient), status changes through {@link CancelBooking} and
 * {@link MarkStay} as the platform (the lifecycle refuses what is not allowed), tags and
 * attention requests in this module's tables.
 */
@Component
class Actions {

	/** What an action did: DONE or REFUSED, with a short explanation. */
	record Outcome(String outcome, String detail) {
	}

	private final Facts facts;

	private final Notifications notifications;

	private final UserDirectory users;

	private final CancelBooking cancel;

	private final MarkStay stays;

	private final RuleStore store;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Actions(Facts facts, Notifications notifications, UserDirectory users, CancelBooking cancel, MarkStay stays,
			RuleStore store, MessageSource messages, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.facts = facts;
		this.notifications = notifications;
		this.users = users;
		this.cancel = cancel;
		this.stays = stays;
		this.store = store;
		this.messages = messages;
		this.clock = clock;
		// its own transaction: a refused action rolls back alone, never the caller's
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Outcome run(Rule rule, RecordedEvent event, JsonNode action) {
		try {
			Outcome outcome = this.transactions.execute(status -> switch (action.get("type").asString()) {
				case "create_notification" -> notify(rule, event, action);
				case "change_status" -> changeStatus(rule, event, action);
				case "assign_tag" -> tag(rule, event, action);
				default -> attention(rule, event, action);
			});
			return outcome == null ? new Outcome("FAILED", "no outcome") : outcome;
		}
		catch (ProblemException ex) {
			return new Outcome("REFUSED", ex.type() + ": " + ex.messageKey());
		}
	}

	private Outcome notify(Rule rule, RecordedEvent event, JsonNode action) {
		String to = action.get("to").asString();
		String template = action.get("template").asString();
		List<UserProfile> recipients = recipients(event, to);
		if (recipients.isEmpty()) {
			return new Outcome("REFUSED", "no " + to + " for this event");
		}
		Optional<UUID> bookingId = Facts.bookingId(event);
		int sent = 0;
		for (UserProfile user : recipients) {
			String text = this.messages.getMessage("rules.template." + template,
					new Object[] { bookingId.map(UUID::toString).orElse(event.subjectId()) }, user.language().locale());
			OutgoingMessage message = OutgoingMessage
				.builder(NotificationKind.RULE_NOTICE, "rule:" + rule.id() + ":" + event.id() + ":" + user.id())
				.recipient(user.id(), user.language())
				.param("reason", text)
				.param("bookingId", bookingId.map(UUID::toString).orElse(null))
				.inApp();
			if (this.notifications.enqueue(message)) {
				sent++;
			}
		}
		return new Outcome("DONE", template + " to " + to + ": " + sent);
	}

	private List<UserProfile> recipients(RecordedEvent event, String to) {
		if ("superuser".equals(to)) {
			return this.users.activeWithRole(Role.SUPERUSER);
		}
		Optional<BookingDetails> booking = this.facts.booking(event);
		if (booking.isEmpty()) {
			return List.of();
		}
		return switch (to) {
			case "guest" -> this.users.find(booking.get().guestId()).stream().toList();
			case "realtor" -> this.users.find(booking.get().ownerId()).stream().toList();
			default -> {
				Long agency = this.users.find(booking.get().ownerId()).map(UserProfile::agencyId).orElse(null);
				List<UserProfile> heads = new ArrayList<>();
				if (agency != null) {
					this.users.activeWithRole(Role.SUPER_ADMIN)
						.stream()
						.filter(head -> agency.equals(head.agencyId()))
						.forEach(heads::add);
				}
				yield heads;
			}
		};
	}

	private Outcome changeStatus(Rule rule, RecordedEvent event, JsonNode action) {
		UUID bookingId = Facts.bookingId(event)
			.orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "no-booking",
					"rules.refused.noBooking"));
		AccessScope platform = new AccessScope(rule.createdBy(), AccessScope.Kind.PLATFORM, Set.of());
		String to = action.get("to").asString();
		BookingDetails after = switch (to) {
			case "CANCELLED" ->
				this.cancel.cancel(bookingId, CancellationReason.valueOf(action.get("reason").asString()),
						action.has("note") ? action.get("note").asString() : "rule " + rule.id(), platform);
			case "CHECKED_IN" -> this.stays.checkIn(bookingId, platform);
			default -> this.stays.checkOut(bookingId, platform);
		};
		return new Outcome("DONE", "booking " + bookingId + " " + after.status());
	}

	private Outcome tag(Rule rule, RecordedEvent event, JsonNode action) {
		String target = action.get("target").asString();
		String tag = action.get("tag").asString();
		String subjectId = target(event, target);
		if (subjectId == null) {
			return new Outcome("REFUSED", "no " + target + " for this event");
		}
		boolean added = this.store.tag(target, subjectId, tag, rule.id(), event.id(), this.clock.instant());
		return new Outcome("DONE", target + " " + subjectId + " " + (added ? "tagged " : "already tagged ") + tag);
	}

	private @org.jspecify.annotations.Nullable String target(RecordedEvent event, String target) {
		if (target.equals(event.subjectType())) {
			return event.subjectId();
		}
		Optional<BookingDetails> booking = this.facts.booking(event);
		return switch (target) {
			case "booking" -> Facts.bookingId(event).map(UUID::toString).orElse(null);
			case "listing" -> event.payload().get("listingId") != null ? event.payload().get("listingId").toString()
					: booking.map(b -> String.valueOf(b.listingId())).orElse(null);
			default -> event.payload().get("guestId") != null ? event.payload().get("guestId").toString()
					: booking.map(b -> String.valueOf(b.guestId())).orElse(null);
		};
	}

	private Outcome attention(Rule rule, RecordedEvent event, JsonNode action) {
		this.store.requestAttention(rule.id(), event.id(), event.subjectType(), event.subjectId(),
				action.get("note").asString(), this.clock.instant());
		return new Outcome("DONE", "attention requested");
	}

	/** What the action would do, for a dry run (nothing is changed). */
	String describe(RecordedEvent event, JsonNode action) {
		return switch (action.get("type").asString()) {
			case "create_notification" ->
				"notify " + action.get("to").asString() + " with " + action.get("template").asString();
			case "change_status" -> "change booking " + Facts.bookingId(event).map(UUID::toString).orElse("(none)")
					+ " to " + action.get("to").asString();
			case "assign_tag" -> "tag " + action.get("target").asString() + " "
					+ Optional.ofNullable(target(event, action.get("target").asString())).orElse("(none)") + " "
					+ action.get("tag").asString();
			default -> "request admin attention: " + action.get("note").asString();
		};
	}

}
