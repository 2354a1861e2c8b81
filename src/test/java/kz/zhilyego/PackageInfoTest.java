package kz.zhilyego;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the application declares its null contract: a
 * {@code package-info.java} with {@code @NullMarked} (JSpecify), so that everything not
 * annotated {@code @Nullable} is non-null in every module, new packages included.
 */
class PackageInfoTest {

	private static final Path MAIN = Path.of("src/main/java/kz/zhilyego");

	@Test
	void everyPackageIsNullMarked() throws IOException {
		List<Path> packages;
		try (Stream<Path> dirs = Files.walk(MAIN)) {
			packages = dirs.filter(Files::isDirectory).filter(PackageInfoTest::hasJavaFiles).toList();
		}
		assertThat(packages).hasSizeGreaterThan(20);
		for (Path dir : packages) {
			if (dir.equals(MAIN)) {
				continue; // the application class only
			}
			Path info = dir.resolve("package-info.java");
			assertThat(info).as("%s has a package-info.java", dir).exists();
			assertThat(Files.readString(info)).as("%s is @NullMarked", info).contains("@NullMarked");
		}
	}

	private static boolean hasJavaFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
