package kz.zhilyego.review;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled review work on the PostgreSQL-backed scheduler (one node per run): reviews
 * whose blind period ended are revealed (ratings recomputed, events published).
 */
@Configuration(proxyBeanMethods = false)
class ReviewJobs {

	@Bean
	RecurringTask<Void> revealReviewsTask(Reveals reveals,
			@Value("${zhilyego.review.reveal-interval:PT15M}") Duration interval) {
		return Tasks.recurring("reveal-reviews", FixedDelay.of(interval))
			.execute((instance, context) -> reveals.revealDue());
	}

}
