package kz.zhilyego.chatbot;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import kz.zhilyego.common.TelegramProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets the states of dialogs idle for longer than {@code zhilyego.telegram.dialog-ttl}
 * (hourly, cluster-safe on db-scheduler). Reading a stale state already yields a fresh
 * one; this keeps the table small.
 */
@Configuration(proxyBeanMethods = false)
class ChatbotJobs {

	@Bean
	RecurringTask<Void> chatDialogsExpiryTask(Dialogs dialogs, TelegramProperties properties) {
		return Tasks.recurring("chat-dialogs-expiry", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> dialogs.expireIdle(properties.dialogTtl()));
	}

}
