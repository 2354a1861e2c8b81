package kz.zhilyego;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Ports of the local servers that stand in for SMTP, the Telegram Bot API and the
 * WhatsApp Cloud API, chosen free once per test JVM instead of fixed numbers, so two test
 * runs on one machine (or anything else listening) never collide. The test profile's
 * settings read them as {@code ${test.ports.smtp}}, {@code ${test.ports.telegram}} and
 * {@code ${test.ports.whatsapp}}; tests start their servers on the same constants.
 */
public final class TestPorts implements EnvironmentPostProcessor {

	public static final int SMTP = TestSocketUtils.findAvailableTcpPort();

	public static final int TELEGRAM = TestSocketUtils.findAvailableTcpPort();

	public static final int WHATSAPP = TestSocketUtils.findAvailableTcpPort();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("zhilyego-test-ports",
					Map.of("test.ports.smtp", SMTP, "test.ports.telegram", TELEGRAM, "test.ports.whatsapp", WHATSAPP)));
	}

}
