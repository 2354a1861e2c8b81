package kz.zhilyego;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Ports of the local servers that stand in for SMTP, the Telegram Bot API and the
 * WhatsApp Cloud API, chosen free once per test JVM instead of fixed numbers, so two test
 * runs on one machine (or anything else listening) never collide. The test profile's
 * settings read them as {@code ${test.ports.smtp}}, {@code ${test.ports.telegram}} and
 * {@code ${test.ports.whatsapp}}; tests start their servers on the same constants.
 * <p>
 * The ports come from below the kernel's ephemeral range: a test restarts its fake server
 * on the same port many times, and a port from the ephemeral range may meanwhile be the
 * local end of some outgoing connection (this JVM's own database connections among them),
 * which would stop the server from binding.
 */
public final class TestPorts implements EnvironmentPostProcessor {

	public static final int SMTP = freePort();

	public static final int TELEGRAM = freePort();

	public static final int WHATSAPP = freePort();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("zhilyego-test-ports",
					Map.of("test.ports.smtp", SMTP, "test.ports.telegram", TELEGRAM, "test.ports.whatsapp", WHATSAPP)));
	}

	private static int freePort() {
		int below = ephemeralRangeStart();
		int lowest = 10_000;
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(lowest, below);
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new IllegalStateException("No free port between " + lowest + " and " + below);
	}

	/**
	 * Linux's first ephemeral port (32768 by default); outgoing connections use it and
	 * up.
	 */
	private static int ephemeralRangeStart() {
		try {
			String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
			return Math.max(11_000, Integer.parseInt(range.split("\\s+")[0]));
		}
		catch (IOException | RuntimeException notLinux) {
			return 32_768;
		}
	}

}
