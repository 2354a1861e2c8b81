package kz.zhilyego.admin;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import kz.zhilyego.common.Zones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly report job on the PostgreSQL-backed scheduler
 * ({@code zhilyego.admin.monthly-report-cron}, Astana time; default 06:00 on the 1st),
 * and the daily metrics job ({@code zhilyego.admin.daily-metrics-cron}; default 00:30,
 * for yesterday; {@link DailyMetrics} upserts, so two runs at once leave one row per
 * day). The scheduler runs one execution on one node; {@link MonthlyReports} is safe even
 * if two ran at once, and a run missed while every node was down happens at the next
 * start.
 */
@Configuration(proxyBeanMethods = false)
class AdminJobs {

	@Bean
	RecurringTask<Void> monthlyReportTask(MonthlyReports reports, AdminProperties properties) {
		return Tasks.recurring("monthly-reports", Schedules.cron(properties.monthlyReportCron(), Zones.KAZAKHSTAN))
			.execute((instance, context) -> reports.runForPreviousMonth());
	}

	@Bean
	RecurringTask<Void> dailyMetricsTask(DailyMetrics metrics, AdminProperties properties) {
		return Tasks.recurring("daily-metrics", Schedules.cron(properties.dailyMetricsCron(), Zones.KAZAKHSTAN))
			.execute((instance, context) -> metrics.runForYesterday());
	}

}
