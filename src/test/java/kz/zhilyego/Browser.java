package kz.zhilyego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) for
 * {@code *BrowserIT} tests, with a fresh profile, no background networking, and
 * screenshots saved under {@code target/screenshots}. Close it after the test.
 */
public final class Browser implements AutoCloseable {

	public static final Dimension PHONE = new Dimension(390, 844);

	public static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	public Browser(int port) {
		this(port, new String[0]);
	}

	/**
	 * A browser with extra Chromium switches, e.g.
	 * {@code --host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1} to make every
	 * outside host unreachable.
	 */
	public Browser(int port, String... extraArguments) {
		try {
			this.profile = Files.createTempDirectory("zhilyego-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--lang=ru", "--user-data-dir=" + this.profile);
		options.addArguments(extraArguments);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.driver.manage().window().setSize(DESKTOP);
		this.base = "http://127.0.0.1:" + port;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Browser open(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	public String url(String path) {
		return this.base + path;
	}

	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout);
	}

	public void size(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	/** Saves a PNG of the current page as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
