package kz.zhilyego.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import kz.zhilyego.payment.PaymentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Payment work on the PostgreSQL-backed scheduler: one node at a time runs each
 * execution, so two nodes never poll the same payment or send the same refund twice, and
 * old rejected callbacks are purged by one node.
 */
@Configuration(proxyBeanMethods = false)
class PaymentJobs {

	@Bean
	RecurringTask<Void> pollPaymentsTask(PollPayments poll, PaymentProperties properties) {
		return Tasks.recurring("poll-payments", FixedDelay.of(properties.pollInterval()))
			.execute((instance, context) -> poll.pollDue());
	}

	@Bean
	RecurringTask<Void> retryRefundsTask(ExecuteRefunds refunds, PaymentProperties properties) {
		return Tasks.recurring("retry-refunds", FixedDelay.of(properties.refund().retryInterval()))
			.execute((instance, context) -> refunds.retryDue());
	}

	@Bean
	RecurringTask<Void> purgeRejectedCallbacksTask(PurgeRejectedCallbacks purge, PaymentProperties properties) {
		return Tasks
			.recurring("purge-rejected-callbacks", FixedDelay.of(properties.rejectedCallbacks().purgeInterval()))
			.execute((instance, context) -> purge.purge());
	}

}
