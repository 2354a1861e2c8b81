package kz.zhilyego.booking;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled booking work on the PostgreSQL-backed scheduler: one node at a time runs each
 * execution, so two app nodes never expire the same batch twice.
 */
@Configuration(proxyBeanMethods = false)
class BookingJobs {

	@Bean
	RecurringTask<Void> expireHoldsTask(ExpireHolds expireHolds,
			@Value("${zhilyego.booking.expiry-interval:PT30S}") Duration interval) {
		return Tasks.recurring("expire-holds", FixedDelay.of(interval))
			.execute((instance, context) -> expireHolds.expireDue());
	}

	/** External stays whose check-out time has come are completed (nobody marks them). */
	@Bean
	RecurringTask<Void> completeExternalStaysTask(ExternalStays stays,
			@Value("${zhilyego.booking.external-completion-interval:PT15M}") Duration interval) {
		return Tasks.recurring("complete-external-stays", FixedDelay.of(interval))
			.execute((instance, context) -> stays.completeEnded());
	}

}
