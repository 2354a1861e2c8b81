package kz.zhilyego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.zhilyego.common.Instants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to bind and read an {@link java.time.Instant} in SQL ({@link Instants}: bound
 * as an {@code OffsetDateTime} in UTC, read with {@code getTimestamp}). The modules that
 * still use another style ({@code Timestamp.from}/{@code valueOf} to bind,
 * {@code getObject(…, OffsetDateTime.class)} to read) are listed as debt: a module not
 * listed fails when it starts to, and a listed one that no longer does must come off the
 * list.
 */
class InstantStyleTest {

	/** Modules still binding or reading instants another way (issue 14): only shrinks. */
	static final Set<String> OTHER_STYLES = Set.of();

	private static final Pattern OTHER_STYLE = Pattern
		.compile("\\bTimestamp\\.(?:from|valueOf)\\(|getObject\\([^)]*OffsetDateTime\\.class");

	private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

	private static final Path MAIN = Path.of("src/main/java/kz/zhilyego");

	@Test
	void onlyTheListedModulesBindOrReadInstantsAnotherWay() {
		Map<String, Integer> uses = otherStyles();
		System.out.printf("Instants bound or read another way: %d places in %d modules %s%n",
				uses.values().stream().mapToInt(Integer::intValue).sum(), uses.size(), uses);
		assertThat(uses.keySet()).as("modules binding or reading instants another way: use common.Instants")
			.isSubsetOf(OTHER_STYLES);
		assertThat(new TreeSet<>(OTHER_STYLES)).as("modules converted to common.Instants: take them off OTHER_STYLES")
			.isSubsetOf(uses.keySet());
	}

	@Test
	void theCheckFindsTheOtherStyles() {
		assertThat(OTHER_STYLE.matcher(".param(\"now\", Timestamp.from(now))").find()).isTrue();
		assertThat(OTHER_STYLE.matcher("rs.getObject(\"at\", OffsetDateTime.class)").find()).isTrue();
		assertThat(OTHER_STYLE.matcher(".param(\"now\", Instants.utc(now))").find()).isFalse();
	}

	/** Module → how many places use another style. */
	private static Map<String, Integer> otherStyles() {
		Map<String, Integer> uses = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
				Path relative = MAIN.relativize(file);
				if (relative.getNameCount() < 2) {
					return;
				}
				long found = OTHER_STYLE.matcher(COMMENTS.matcher(read(file)).replaceAll("")).results().count();
				if (found > 0) {
					uses.merge(relative.getName(0).toString(), (int) found, Integer::sum);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return uses;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
