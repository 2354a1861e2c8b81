package kz.zhilyego.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API users are users too: {@code /v3/api-docs} declares how to authenticate and which
 * operations need it, gives every operation a summary and its problem answers, and passes
 * a standard linter — Redocly CLI with its {@code recommended} rules
 * ({@code tools/openapi-lint}, installed by the build) — with no error and no warning.
 */
@IntegrationTest
class OpenApiLintIT {

	private static final Path LINTER = Path.of("tools", "openapi-lint");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theDocumentDeclaresTheBearerTokenAndTheApiKeyAndWhichOperationsNeedThem() {
		JsonNode docs = docs();
		JsonNode schemes = docs.at("/components/securitySchemes");
		assertThat(schemes.at("/bearerToken/type").asString()).isEqualTo("http");
		assertThat(schemes.at("/bearerToken/scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.at("/apiKey/type").asString()).isEqualTo("apiKey");
		assertThat(schemes.at("/apiKey/in").asString()).isEqualTo("header");
		assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-Api-Key");

		assertThat(docs.at("/paths/~1api~1v1~1listings/get/security")).isEmpty();
		assertThat(docs.at("/paths/~1api~1v1~1auth~1token/post/security")).isEmpty();
		assertThat(docs.at("/paths/~1api~1v1~1payments~1webhooks~1{provider}/post/security")).isEmpty();
		assertThat(docs.at("/paths/~1api~1v1~1bookings/post/security").toString()).contains("bearerToken", "apiKey");
		assertThat(docs.at("/paths/~1api~1v1~1bookings/post/responses/401/$ref").asString())
			.isEqualTo("#/components/responses/Unauthorized");
		assertThat(docs.at("/components/responses/TooManyRequests/content").propertyNames())
			.contains("application/problem+json");
	}

	@Test
	void everyOperationHasASummaryAndAProblemAnswer() {
		List<String> missing = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : docs().get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				operations++;
				String name = operation.getKey().toUpperCase() + " " + path.getKey();
				if (operation.getValue().path("summary").asString("").isBlank()) {
					missing.add(name + ": summary");
				}
				boolean problem4xx = operation.getValue()
					.path("responses")
					.propertyNames()
					.stream()
					.anyMatch(code -> code.startsWith("4"));
				if (!problem4xx) {
					missing.add(name + ": 4xx");
				}
			}
		}
		assertThat(operations).isGreaterThan(90);
		assertThat(missing).isEmpty();
	}

	@Test
	void redoclyRecommendedRulesFindNoErrorAndNoWarning() throws IOException, InterruptedException {
		Path document = Path.of("target", "openapi.json").toAbsolutePath();
		Files.createDirectories(document.getParent());
		Files.writeString(document, new Api(this.port).get("/v3/api-docs").body());
		Path cli = LINTER.resolve("node_modules/@redocly/cli/bin/cli.js");
		assertThat(cli).as("the build installs the linter (npm ci in " + LINTER + ")").exists();

		ProcessBuilder lint = new ProcessBuilder("node", cli.toString(), "lint", document.toString(), "--config",
				LINTER.resolve("redocly.yaml").toString(), "--format=json", "--max-problems=1000")
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		// never phone home, never look for updates: the suite runs offline
		lint.environment().put("REDOCLY_TELEMETRY", "off");
		lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		Process process = lint.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		JsonNode report = JSON.readTree(output.substring(output.indexOf('{')));
		List<String> problems = new ArrayList<>();
		report.get("problems")
			.forEach(p -> problems.add(p.get("severity").asString() + " " + p.get("ruleId").asString() + " "
					+ p.at("/location/0/pointer").asString() + ": " + p.get("message").asString()));
		assertThat(problems).isEmpty();
		assertThat(report.at("/totals/errors").asInt()).isZero();
		assertThat(report.at("/totals/warnings").asInt()).isZero();
	}

	@Test
	void theAccessCodesHaveOnePath() {
		JsonNode paths = docs().get("paths");
		assertThat(paths.has("/api/v1/access-codes/{listingId}")).isTrue();
		assertThat(paths.propertyNames())
			.noneMatch(path -> path.startsWith("/api/v1/realtor/") && path.endsWith("/access-codes"));
	}

	private JsonNode docs() {
		Api.Response docs = new Api(this.port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		return docs.json();
	}

}
