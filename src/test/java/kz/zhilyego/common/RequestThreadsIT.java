package kz.zhilyego.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import kz.zhilyego.IntegrationTest;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests run on Tomcat's pool of platform threads, background work on virtual threads
 * ({@code common.web.PlatformRequestThreads}).
 */
@IntegrationTest
class RequestThreadsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	AsyncTaskExecutor applicationTaskExecutor;

	@Test
	void requestsRunOnPlatformThreadsAndBackgroundTasksOnVirtualOnes() throws Exception {
		Executor requests = ((TomcatWebServer) ((WebServerApplicationContext) this.context).getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor();

		assertThat(requests).isInstanceOf(ThreadPoolExecutor.class);
		assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread().isVirtual(), requests).get())
			.as("a request thread is virtual")
			.isFalse();
		assertThat(this.applicationTaskExecutor.submit(() -> Thread.currentThread().isVirtual()).get())
			.as("a background task's thread is virtual")
			.isTrue();
	}

}
