package kz.zhilyego.platform;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import kz.zhilyego.common.RequestIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the request id (and user id) across threads: the async executor that runs
 * module listeners copies the submitting thread's logging context, and every job
 * execution on the scheduler gets a fresh request id plus the job's name.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdPropagation {

	@Bean
	TaskDecorator requestIdTaskDecorator() {
		return RequestIds::propagate;
	}

	@Bean
	ExecutionInterceptor requestIdPerJobExecution() {
		return new JobRequestIds();
	}

	static final class JobRequestIds implements ExecutionInterceptor {

		@Override
		public CompletionHandler<?> execute(TaskInstance<?> taskInstance, ExecutionContext executionContext,
				ExecutionChain chain) {
			try (RequestIds.Scope job = RequestIds.Scope.put(RequestIds.JOB_KEY, taskInstance.getTaskName());
					RequestIds.Scope id = RequestIds.open(null)) {
				return chain.proceed(taskInstance, executionContext);
			}
		}

	}

}
