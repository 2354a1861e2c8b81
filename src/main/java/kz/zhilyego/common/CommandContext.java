package kz.zhilyego.common;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application context of a one-off command
 * ({@code java -jar zhilyego.jar <command>}): the whole application with a servlet
 * context (the security configuration needs one) but no listening server, no management
 * port and no scheduler, so a command never serves requests or runs jobs beside the
 * nodes.
 */
public final class CommandContext {

	private CommandContext() {
	}

	/**
	 * Starts {@code application} for a command; {@code options} are the command's
	 * {@code --name=value} options after the command word (they can override the
	 * configuration but not switch the server or the scheduler back on).
	 */
	public static ConfigurableApplicationContext start(Class<?> application, String[] options) {
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		app.setBannerMode(Banner.Mode.OFF);
		app.setLogStartupInfo(false);
		// after the caller's options: the last occurrence of an option wins
		String[] all = Stream
			.concat(Arrays.stream(options),
					Stream.of("--db-scheduler.enabled=false", "--server.port=-1", "--management.server.port=-1"))
			.toArray(String[]::new);
		return app.run(all);
	}

}
