package kz.zhilyego.booking;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled booking work on the PostgreSQL-backed scheduler: one node at a time runs each
 * execution, so two app nodes never expire the same batch twice.
 */
@Configuration(proxyBeanMethods = false)
class BookingJobs {

	@Bean
	RecurringTask<Void> expireHoldsTask(ExpireHolds expireHolds, BookingProperties properties) {
		return Tasks.recurring("expire-holds", FixedDelay.of(properties.expiryInterval()))
			.execute((instance, context) -> expireHolds.expireDue());
	}

	/** External stays whose check-out time has come are completed (nobody marks them). */
	@Bean
	RecurringTask<Void> completeExternalStaysTask(ExternalStays stays, BookingProperties properties) {
		return Tasks.recurring("complete-external-stays", FixedDelay.of(properties.externalCompletionInterval()))
			.execute((instance, context) -> stays.completeEnded());
	}

}
