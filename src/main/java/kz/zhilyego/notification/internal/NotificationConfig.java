package kz.zhilyego.notification.internal;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.notification.Attachments;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Reminders;
import kz.zhilyego.notification.SecretParams;
import kz.zhilyego.notification.TelegramBlockedHandler;
import kz.zhilyego.notification.TelegramDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the channels (real adapters where configured, the capturing adapter otherwise),
 * the dispatcher and the two cluster-safe recurring jobs on db-scheduler.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfig.class);

	@Bean
	MessageRenderer notificationRenderer(MessageSource messages) {
		return new MessageRenderer(messages);
	}

	@Bean
	ChannelSenders notificationChannels(NotificationProperties properties, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<TelegramDelivery> telegram, ObjectProvider<Attachments> attachments, JdbcClient jdbc,
			Clock clock) {
		JavaMailSender mailSender = mail.getIfAvailable();
		ChannelSender email = mailSender != null ? new SmtpEmailSender(mailSender, properties.mail(),
				ref -> attachments.orderedStream()
					.map(a -> a.resolve(ref))
					.flatMap(java.util.Optional::stream)
					.findFirst())
				: new CapturingSender(Channel.EMAIL, jdbc, clock);
		ChannelSender bot = new TelegramPortSender(telegram, new CapturingSender(Channel.TELEGRAM, jdbc, clock),
				properties.telegram().maxRateWait());
		ChannelSender whatsApp = properties.whatsApp().configured() ? new WhatsAppCloudSender(properties.whatsApp())
				: new CapturingSender(Channel.WHATSAPP, jdbc, clock);
		ChannelSenders senders = new ChannelSenders(List.of(email, bot, whatsApp, new InAppSender(jdbc, clock)));
		log.info("Notification channels: {}", senders.describe());
		return senders;
	}

	@Bean
	Dispatcher notificationDispatcher(Outbox outbox, PlatformTransactionManager transactionManager,
			ChannelSenders senders, MessageRenderer renderer, ObjectProvider<SecretParams> secretParams,
			ObjectProvider<TelegramBlockedHandler> blockedHandler, NotificationProperties properties, Clock clock,
			MeterRegistry meters) {
		return new Dispatcher(outbox, new TransactionTemplate(transactionManager), senders.all(), renderer,
				secretParams, blockedHandler, properties, clock, new DispatchMetrics(meters));
	}

	@Bean
	RecurringTask<Void> notificationDispatchTask(Dispatcher dispatcher, NotificationProperties properties) {
		return Tasks.recurring("notification-dispatch", FixedDelay.of(properties.dispatchInterval()))
			.execute((instance, context) -> dispatcher.dispatchDue());
	}

	@Bean
	RecurringTask<Void> notificationReminderTask(Reminders reminders, NotificationProperties properties) {
		return Tasks.recurring("notification-reminders", FixedDelay.of(properties.reminderInterval()))
			.execute((instance, context) -> reminders.fireDue());
	}

	/** The channel adapters in use. */
	record ChannelSenders(List<ChannelSender> all) {

		String describe() {
			return String.join(", ", this.all.stream()
				.map(sender -> sender.channel() + "=" + (sender instanceof CapturingSender ? "captured (see /dev/mail)"
						: sender instanceof TelegramPortSender ? "Telegram module (captured without a bot token)"
								: sender.getClass().getSimpleName()))
				.toList());
		}

	}

}
