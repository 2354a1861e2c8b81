package kz.zhilyego.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import kz.zhilyego.common.Zones;
import kz.zhilyego.payment.PaymentProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

	/**
	 * Yesterday's payments compared with the provider, daily at {@code reconciliation.at}
	 * Kazakhstan time, on one node.
	 */
	@Bean
	@ConditionalOnProperty(name = "zhilyego.payment.reconciliation.enabled", havingValue = "true",
			matchIfMissing = true)
	RecurringTask<Void> reconcilePaymentsTask(ReconcilePayments reconcile, PaymentProperties properties) {
		return Tasks
			.recurring("reconcile-payments", Schedules.daily(Zones.KAZAKHSTAN, properties.reconciliation().at()))
			.execute((instance, context) -> reconcile.yesterday());
	}

}
