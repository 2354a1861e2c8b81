package kz.zhilyego.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import kz.zhilyego.common.RequestIds;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.SecretParams;
import kz.zhilyego.notification.TelegramBlockedHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages: claims a small batch in a short transaction (SKIP LOCKED,
 * status SENDING with a lease), renders and sends each one outside any transaction, then
 * records the outcome guarded by the claim: SENT; PENDING again after a backoff (or after
 * the provider's retry_after, which does not count as an attempt); DEAD after the last
 * attempt or for a message that can never work; SKIPPED when the recipient blocked the
 * channel. A message whose lease ran out (the node died between send and mark) is claimed
 * again by the next run: delivery is at least once.
 */
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final MessageRenderer renderer;

	private final ObjectProvider<SecretParams> secretParams;

	private final ObjectProvider<TelegramBlockedHandler> blockedHandler;

	private final NotificationProperties properties;

	private final Backoff backoff;

	private final Clock clock;

	private final DispatchMetrics metrics;

	private final RandomGenerator random = RandomGenerator.getDefault();

	Dispatcher(Outbox outbox, TransactionTemplate transactions, List<ChannelSender> senders, MessageRenderer renderer,
			ObjectProvider<SecretParams> secretParams, ObjectProvider<TelegramBlockedHandler> blockedHandler,
			NotificationProperties properties, Clock clock, DispatchMetrics metrics) {
		this.outbox = outbox;
		this.transactions = transactions;
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
		this.renderer = renderer;
		this.secretParams = secretParams;
		this.blockedHandler = blockedHandler;
		this.properties = properties;
		this.backoff = new Backoff(properties.backoffBase(), properties.backoffMax(), properties.jitter());
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Sends what is due now, batch after batch, until nothing is due or the per-run limit
	 * is reached. Safe to call from any number of threads and nodes at once.
	 * @return how many messages were attempted
	 */
	public int dispatchDue() {
		int attempted = 0;
		for (int round = 0; round < this.properties.maxBatchesPerRun(); round++) {
			List<OutboxMessage> batch = this.transactions
				.execute(status -> this.outbox.claim(this.properties.batchSize(), this.properties.lease()));
			if (batch == null || batch.isEmpty()) {
				break;
			}
			batch.forEach(this::deliver);
			attempted += batch.size();
			if (batch.size() < this.properties.batchSize()) {
				break;
			}
		}
		this.metrics.oldestPending(this.outbox.oldestPendingAge());
		return attempted;
	}

	/** Sends one message under the id of the request that enqueued it. */
	void deliver(OutboxMessage message) {
		RequestIds.run(message.requestId(), () -> complete(message, attempt(message)));
	}

	private SendResult attempt(OutboxMessage message) {
		ChannelSender sender = this.senders.get(message.channel());
		if (sender == null) {
			return new SendResult.Rejected("no sender for " + message.channel());
		}
		Map<String, String> secrets;
		try {
			secrets = secretsFor(message);
		}
		catch (RuntimeException ex) {
			return new SendResult.Failed("secret parameters not resolved: " + ex.getClass().getSimpleName());
		}
		if (message.kind() == NotificationKind.PASSWORD_RESET && !secrets.containsKey("resetUrl")) {
			return new SendResult.Skipped("the reset link was used, replaced or expired before it was sent");
		}
		try {
			RenderedMessage rendered = this.renderer.render(message.kind(), message.language(), message.params(),
					secrets);
			return sender.send(message, rendered);
		}
		catch (RuntimeException ex) {
			log.warn("{} failed unexpectedly: {}", message.describe(), ex.getClass().getName());
			return new SendResult.Failed("unexpected " + ex.getClass().getSimpleName());
		}
	}

	/** Codes only for a known recipient on a channel that does not store the body. */
	private Map<String, String> secretsFor(OutboxMessage message) {
		String ref = message.secretRef();
		Long userId = message.recipientUserId();
		if (ref == null || userId == null || message.channel() == Channel.IN_APP) {
			return Map.of();
		}
		// Every resolver answers for the references it knows (e.g. "booking:<uuid>").
		Map<String, String> resolved = new java.util.HashMap<>();
		this.secretParams.orderedStream()
			.forEach(resolver -> resolved.putAll(resolver.resolve(ref, userId, message.channel(), message.address())));
		return resolved;
	}

	private void complete(OutboxMessage message, SendResult result) {
		Instant now = this.clock.instant();
		Channel channel = message.channel();
		boolean recorded = switch (result) {
			case SendResult.Sent sent -> {
				this.metrics.sent(channel, Duration.between(message.createdAt(), now));
				log.info("{} sent", message.describe());
				yield this.outbox.markSent(message, sent.providerMessageId());
			}
			case SendResult.RetryAfter wait -> {
				log.info("{} postponed by {}: {}", message.describe(), wait.delay(), wait.reason());
				yield this.outbox.reschedule(message, now.plus(wait.delay()), wait.reason(), false);
			}
			case SendResult.Failed failed -> {
				this.metrics.failed(channel);
				if (message.attempts() >= this.properties.maxAttempts()) {
					log.warn("{} parked as dead after {} attempts: {}", message.describe(), message.attempts(),
							failed.reason());
					this.metrics.dead(channel);
					yield this.outbox.park(message, "DEAD", failed.reason());
				}
				Duration delay = this.backoff.delay(message.attempts(), this.random);
				log.info("{} failed, retry in {}: {}", message.describe(), delay, failed.reason());
				yield this.outbox.reschedule(message, now.plus(delay), failed.reason(), true);
			}
			case SendResult.Rejected rejected -> {
				log.warn("{} rejected, parked as dead: {}", message.describe(), rejected.reason());
				this.metrics.failed(channel);
				this.metrics.dead(channel);
				yield this.outbox.park(message, "DEAD", rejected.reason());
			}
			case SendResult.Skipped skipped -> this.outbox.park(message, "SKIPPED", skipped.reason());
			case SendResult.Blocked blocked -> {
				log.info("{} refused by the recipient: {}", message.describe(), blocked.reason());
				this.metrics.failed(channel);
				boolean parked = this.outbox.park(message, "SKIPPED", blocked.reason());
				notifyBlocked(message);
				yield parked;
			}
		};
		if (!recorded) {
			log.warn("{}: its lease ran out before the outcome was recorded; another dispatcher owns it now",
					message.describe());
		}
	}

	private void notifyBlocked(OutboxMessage message) {
		String chatId = message.address();
		if (chatId == null) {
			return;
		}
		this.blockedHandler.orderedStream().forEach(handler -> {
			try {
				handler.telegramBlocked(message.recipientUserId(), chatId);
			}
			catch (RuntimeException ex) {
				log.warn("Telegram blocked handler failed for {}: {}", message.describe(), ex.getClass().getName());
			}
		});
	}

}
