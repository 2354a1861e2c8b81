package kz.zhilyego.common.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A graceful shutdown that waits for a response's last byte, not only for its servlet.
 *
 * <p>
 * Boot's graceful shutdown counts a request as done when its servlet returns. Tomcat
 * writes the end of the response after that (for a JSON answer, the chunked body's
 * closing chunk), and the web server's stop, which follows right away, closes the
 * connection: a hold that had committed could reach its client as a broken response. An
 * engine valve counts every request until its response is finished — it finishes it
 * itself, as Tomcat would next — and this lifecycle step, which stops between Boot's
 * graceful shutdown and the web server's stop, waits for that count to reach zero, at
 * most {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
@Component
@ConditionalOnProperty(name = "server.shutdown", havingValue = "graceful", matchIfMissing = true)
class ResponsesInFlight implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, SmartLifecycle {

	/**
	 * After Boot's graceful shutdown (stops first: higher), before the web server's stop.
	 */
	static final int PHASE = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 512;

	private static final Logger log = LoggerFactory.getLogger(ResponsesInFlight.class);

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Object drained = new Object();

	private final Duration timeout;

	private volatile boolean stopping;

	private volatile boolean running;

	ResponsesInFlight(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new Counting());
	}

	@Override
	public void start() {
		this.stopping = false;
		this.running = true;
	}

	@Override
	public void stop() {
		this.stopping = true;
		long deadline = System.nanoTime() + this.timeout.toNanos();
		synchronized (this.drained) {
			long left = deadline - System.nanoTime();
			while (this.inFlight.get() > 0 && left > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this.drained, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				left = deadline - System.nanoTime();
			}
		}
		int left = this.inFlight.get();
		if (left > 0) {
			log.warn("{} response(s) still being written when the web server stops", left);
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void finished() {
		if (this.inFlight.decrementAndGet() == 0 && this.stopping) {
			synchronized (this.drained) {
				this.drained.notifyAll();
			}
		}
	}

	/** The first valve of the engine: around everything Tomcat does with a request. */
	private final class Counting extends ValveBase {

		Counting() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			ResponsesInFlight.this.inFlight.incrementAndGet();
			try {
				getNext().invoke(request, response);
				if (!request.isAsync()) {
					// what Tomcat's adapter does next; both are no-ops when repeated
					request.finishRequest();
					response.finishResponse();
				}
			}
			finally {
				finished();
			}
		}

	}

}
