package kz.zhilyego.review;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled review work on the PostgreSQL-backed scheduler (one node per run): reviews
 * whose blind period ended are revealed (ratings recomputed, events published).
 */
@Configuration(proxyBeanMethods = false)
class ReviewJobs {

	@Bean
	RecurringTask<Void> revealReviewsTask(Reveals reveals, ReviewProperties properties) {
		return Tasks.recurring("reveal-reviews", FixedDelay.of(properties.revealInterval()))
			.execute((instance, context) -> reveals.revealDue());
	}

}
