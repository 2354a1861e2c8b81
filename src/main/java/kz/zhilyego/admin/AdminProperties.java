package kz.zhilyego.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin module's jobs (cron expressions, Astana time). The stuck-booking thresholds
 * under the same prefix belong to booking ({@code booking.StuckBookingProperties}).
 *
 * @param monthlyReportCron when the monthly report job runs (default 06:00 on the 1st)
 * @param dailyMetricsCron when the daily metrics job writes yesterday's row (default
 * 00:30)
 */
@ConfigurationProperties("zhilyego.admin")
record AdminProperties(@Nullable String monthlyReportCron, @Nullable String dailyMetricsCron) {

	AdminProperties {
		monthlyReportCron = (monthlyReportCron == null || monthlyReportCron.isBlank()) ? "0 0 6 1 * *"
				: monthlyReportCron;
		dailyMetricsCron = (dailyMetricsCron == null || dailyMetricsCron.isBlank()) ? "0 30 0 * * *" : dailyMetricsCron;
	}

}
