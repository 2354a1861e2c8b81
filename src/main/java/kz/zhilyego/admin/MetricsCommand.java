package kz.zhilyego.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import kz.zhilyego.common.CommandContext;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Recomputes the daily metrics from the command line, with the app's own configuration
 * (the same {@code application.yml}, profiles and environment variables):
 *
 * <pre>
 * java -jar zhilyego.jar metrics --from=2026-12-01 [--to=2026-12-31]
 * </pre>
 *
 * It starts the application without a listening web server and without the job scheduler,
 * recomputes every day of the range (at most 366, none after today; an upsert, so it is
 * safe while the app runs) and exits: 0 done, 2 a bad range, 1 any other failure.
 */
public final class MetricsCommand {

	private MetricsCommand() {
	}

	/** Whether the command line asks for the metrics command rather than the app. */
	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals("metrics");
	}

	/** Runs the command on the application class; returns the process exit code. */
	public static int run(Class<?> application, String[] args) {
		try (ConfigurableApplicationContext context = CommandContext.start(application,
				Arrays.copyOfRange(args, 1, args.length))) {
			Environment environment = context.getEnvironment();
			@Nullable LocalDate from;
			@Nullable LocalDate to;
			try {
				from = date(environment.getProperty("from"));
				to = date(environment.getProperty("to"));
			}
			catch (DateTimeParseException ex) {
				System.err.println("Dates are YYYY-MM-DD: " + ex.getParsedString());
				return 2;
			}
			if (from == null) {
				System.err.println("Usage: metrics --from=YYYY-MM-DD [--to=YYYY-MM-DD]");
				return 2;
			}
			DailyMetrics.Recomputed done = context.getBean(DailyMetrics.class).recompute(from, to == null ? from : to);
			System.out
				.println("Daily metrics recomputed: " + done.days() + " day(s), " + done.from() + " to " + done.to());
			return 0;
		}
		catch (ProblemException ex) {
			System.err.println("metrics failed: " + ex.messageKey() + " " + ex.fieldErrors());
			return 2;
		}
		catch (RuntimeException ex) {
			System.err.println("metrics failed: " + ex.getMessage());
			return 1;
		}
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		return StringUtils.hasText(value) ? LocalDate.parse(value.strip()) : null;
	}

}
