package kz.zhilyego.common.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests run on Tomcat's pool of platform threads ({@code server.tomcat.threads.*}),
 * although {@code spring.threads.virtual.enabled} gives the background executors virtual
 * threads. A request is short and CPU-bound, and its waits are JDBC round trips that the
 * connection pool bounds anyway; on a virtual thread every such wait parks it and
 * registers the socket with the JDK's poller, which cost a search 0.3 ms more kernel CPU
 * at one client (0.65–0.71 against 0.32–0.38 ms, docs/benchmarks.md, sixth pass) for no
 * gain in throughput at 8 clients.
 * <p>
 * Runs after Boot's customizer, which sets a virtual-thread executor: without an executor
 * of its own the connector makes its pool as it starts.
 */
@Component
class PlatformRequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
