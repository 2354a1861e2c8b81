package kz.zhilyego.channel;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed reader on the PostgreSQL-backed scheduler: one node runs each execution, and
 * each due feed is claimed before it is read.
 */
@Configuration(proxyBeanMethods = false)
class ChannelJobs {

	@Bean
	RecurringTask<Void> icalSyncTask(CalendarImports imports, ChannelProperties properties) {
		return Tasks.recurring("ical-sync", FixedDelay.of(properties.ical().syncInterval()))
			.execute((instance, context) -> imports.syncDue());
	}

}
