package kz.zhilyego.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.zhilyego.common.Redaction;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other integration test (its own Failsafe execution, see the pom) and
 * reads what they all logged: {@code target/it-logs/suite.log*}, written as ECS JSON by
 * the test profile. No configured secret (JWT secret, encryption key, bot and API tokens,
 * webhook secrets), test password, access code, bearer token, JWT, API key, full card or
 * phone number may appear in it.
 */
class NoSecretsInLogsIT {

	private static final Path LOGS = Path.of("target", "it-logs");

	/** Secret-looking property names whose values must never be logged. */
	private static final Pattern SECRET_PROPERTY = Pattern
		.compile("(?i).*(secret|token|password|secret-key|access-key|api-key|crypto\\.key|previous-key)");

	/** A default in a placeholder: {@code ${ENV:default}}. */
	private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static List<String> lines;

	@BeforeAll
	static void readTheSuiteLogs() throws IOException {
		assertThat(LOGS).as("the integration tests write their logs to %s", LOGS).isDirectory();
		lines = new ArrayList<>();
		try (Stream<Path> files = Files.list(LOGS)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("suite.log")).sorted().toList()) {
				// a run across midnight rolls the log into a .gz of the day before
				if (file.getFileName().toString().endsWith(".gz")) {
					try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
						new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
					}
				}
				else {
					lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
				}
			}
		}
	}

	@Test
	void theSuiteLeftItsLogsAsOneJsonObjectPerLine() {
		assertThat(lines).as("log lines of the integration suite").isNotEmpty();
		for (String line : lines) {
			JsonNode entry = JSON.readTree(line);
			assertThat(entry.has("@timestamp") && entry.has("message") && entry.path("log").has("level")).as(line)
				.isTrue();
		}
	}

	@Test
	void noSecretTokenAccessCodeOrFullCardOrPhoneNumberAppearsInTheLogsOfTheWholeIntegrationSuite() {
		Set<String> secrets = configuredSecrets();
		secrets.add(IdentityFixtures.PASSWORD);
		secrets.add("demo12345");
		// access codes the tests store and send
		secrets.add("93528");
		secrets.add("4711#");
		assertThat(secrets).as("secrets looked for")
			.contains("test-only-jwt-secret-0123456789abcdefghijklmnop", "test-only-metrics-token-0123456789",
					"123456789:TEST-bot-token-for-signatures", "test-webhook-secret", "test-whatsapp-token");

		List<String> leaks = new ArrayList<>();
		for (String line : lines) {
			// the time stamp and the process (pid) are numbers the app does not choose
			ObjectNode entry = (ObjectNode) JSON.readTree(line);
			entry.remove(List.of("@timestamp", "process"));
			String logged = entry.toString();
			for (String secret : secrets) {
				if (contains(logged, secret)) {
					leaks.add("'" + secret + "' in " + line);
				}
			}
			for (String finding : Redaction.secretsIn(logged)) {
				leaks.add("'" + finding + "' in " + line);
			}
		}
		assertThat(leaks).as("secrets in %d log lines", lines.size()).isEmpty();
	}

	@Test
	void aShortCodeCountsStandingAloneNotInsideTheDigitsOfATimestamp() {
		assertThat(contains("{\"@timestamp\":\"2026-12-01T19:49:45.393528240Z\"}", "93528")).isFalse();
		assertThat(contains("code 93528 sent", "93528")).isTrue();
		assertThat(contains("{\"code\":\"93528\"}", "93528")).isTrue();
		assertThat(contains("door 4711#", "4711#")).isTrue();
		assertThat(contains("key=test-webhook-secret-x", "test-webhook-secret")).isTrue();
	}

	/**
	 * A secret counts as a token of its own, never as digits inside a longer number or
	 * word.
	 */
	static boolean contains(String line, String secret) {
		return Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(line).find();
	}

	/**
	 * Non-empty values of secret-looking properties of the main and test configuration.
	 */
	private static Set<String> configuredSecrets() {
		Set<String> secrets = new LinkedHashSet<>();
		for (String resource : List.of("application.yml", "application-test.yml")) {
			YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
			yaml.setResources(new ClassPathResource(resource));
			Properties properties = yaml.getObject();
			assertThat(properties).isNotNull();
			properties.forEach((key, value) -> {
				if (!SECRET_PROPERTY.matcher(key.toString()).matches()) {
					return;
				}
				String text = value.toString();
				Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(text);
				if (placeholder.matches()) {
					text = placeholder.group(1);
				}
				if (text.length() >= 8 && !text.startsWith("${")) {
					secrets.add(text);
				}
			});
		}
		return secrets;
	}

}
