package kz.zhilyego.rules;

import java.util.Arrays;

import kz.zhilyego.common.CommandContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar zhilyego.jar rules-replay --last=200}: runs the rules on the last N
 * platform events with the app's own configuration and exits. Idempotent: what ran before
 * (on any node) is skipped. See docs/platform.md#rules.
 */
public final class RulesCommand {

	private RulesCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && "rules-replay".equals(args[0]);
	}

	/** The {@code --last=N} option (default 200). */
	static int last(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("--last=")) {
				try {
					return RuleEngine.checked(Integer.parseInt(arg.substring("--last=".length())));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("--last must be a number 1.." + RuleEngine.MAX_LAST);
				}
			}
		}
		return 200;
	}

	/** Runs the replay in a context of {@code application}; returns the exit code. */
	public static int run(Class<?> application, String[] args) {
		int last;
		try {
			last = last(args);
		}
		catch (RuntimeException ex) {
			System.err.println("Usage: rules-replay [--last=N] (N 1.." + RuleEngine.MAX_LAST + ")");
			return 2;
		}
		String[] options = Arrays.stream(args, 1, args.length)
			.filter(a -> !a.startsWith("--last="))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = CommandContext.start(application, options)) {
			RuleEngine.Replay replay = context.getBean(RuleEngine.class).replay(last);
			System.out.println("Replayed " + replay.events() + " events: " + replay.actionsRun() + " actions run now");
			return 0;
		}
	}

}
