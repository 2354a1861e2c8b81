package kz.zhilyego.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alert rules ({@code docs/ops/prometheus-alerts.yml}) and Grafana dashboard
 * ({@code docs/ops/grafana-dashboard.json}) parse, every alert covers what the runbook
 * promises, and every metric their expressions name is one this app really exports on
 * {@code /actuator/prometheus}. Where {@code promtool} is installed (CI installs Debian's
 * prometheus package) the rules also pass {@code promtool check rules}.
 */
@IntegrationTest
class AlertRulesIT {

	private static final Path RULES = Path.of("docs", "ops", "prometheus-alerts.yml");

	private static final Path DASHBOARD = Path.of("docs", "ops", "grafana-dashboard.json");

	/** Metrics that Prometheus itself makes, not the app. */
	private static final Set<String> FROM_PROMETHEUS = Set.of("up");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring",
			"group_left", "group_right", "bool", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	@LocalServerPort
	int port;

	@Value("${zhilyego.management.metrics-token}")
	String metricsToken;

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertRuleParsesAndTheRunbooksAlertsAreThere() throws IOException {
		Map<String, Object> root;
		try (InputStream in = Files.newInputStream(RULES)) {
			root = new Yaml().load(in);
		}
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
			assertThat(group.get("name")).as("group name").isInstanceOf(String.class);
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		for (Map<String, Object> rule : rules) {
			assertThat(rule).as("rule %s", rule).containsKeys("alert", "expr", "labels", "annotations");
			assertThat(((Map<String, Object>) rule.get("labels")).get("severity"))
				.as("severity of %s", rule.get("alert"))
				.isIn("critical", "warning", "info");
			assertThat(((Map<String, Object>) rule.get("annotations"))).containsKeys("summary", "description");
			assertBalanced(rule.get("expr").toString());
			if (rule.containsKey("for")) {
				assertThat(rule.get("for").toString()).matches("\\d+[smhd]");
			}
		}
		assertThat(rules).extracting(rule -> rule.get("alert"))
			.doesNotHaveDuplicates()
			.contains("ZhilyeGoPaymentProviderFailing", "ZhilyeGoOutboxBackingUp", "ZhilyeGoHoldsExpiringUnpaid",
					"ZhilyeGoHigh5xxRate", "ZhilyeGoDatabaseDown");
	}

	@Test
	void promtoolAcceptsTheRulesWhereItIsInstalled() throws Exception {
		Path promtool = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
			.map(dir -> Path.of(dir, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (promtool == null) {
			// CI (.ci/run) installs Debian's prometheus package and checks the rules
			// before the
			// build; a developer machine without it still gets the checks of the other
			// tests
			assertThat(System.getenv("CI")).as("promtool must be installed in CI").isNotEqualTo("true");
			return;
		}
		Process check = new ProcessBuilder(promtool.toString(), "check", "rules", RULES.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

	@Test
	void theDashboardParsesAndEveryPanelQueriesSomething() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));

		assertThat(dashboard.get("uid").asString()).isEqualTo("zhilyego-ops");
		assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(10);
		Set<Integer> ids = new LinkedHashSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
			assertThat(panel.get("title").asString()).isNotBlank();
			assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
			for (JsonNode target : panel.get("targets")) {
				assertBalanced(target.get("expr").asString());
			}
		}
	}

	@Test
	void everyMetricTheAlertsAndTheDashboardNameIsExportedByTheApp() throws IOException {
		new Api(this.port).get("/api/v1/listings?city=astana");
		String scrape = new Api(this.port).get("/actuator/prometheus", "Authorization", "Bearer " + this.metricsToken)
			.body();
		Set<String> exported = scrape.lines()
			.filter(line -> !line.startsWith("#") && !line.isBlank())
			.map(line -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());

		Set<String> named = new LinkedHashSet<>();
		named.addAll(metricsIn(rulesExpressions()));
		named.addAll(metricsIn(dashboardExpressions()));

		assertThat(named).as("metrics named by the rules and the dashboard")
			.contains("zhilyego_holds_placed_total", "zhilyego_outbox_pending",
					"zhilyego_search_latency_seconds_bucket");
		named.removeAll(FROM_PROMETHEUS);
		assertThat(exported).as("exported by /actuator/prometheus").containsAll(named);
	}

	@SuppressWarnings("unchecked")
	private static List<String> rulesExpressions() throws IOException {
		Map<String, Object> root;
		try (InputStream in = Files.newInputStream(RULES)) {
			root = new Yaml().load(in);
		}
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add(rule.get("expr").toString());
			}
		}
		return expressions;
	}

	private static List<String> dashboardExpressions() throws IOException {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				expressions.add(target.get("expr").asString());
			}
		}
		return expressions;
	}

	/**
	 * Metric names in PromQL expressions: identifiers that are not functions or labels.
	 */
	static Set<String> metricsIn(List<String> expressions) {
		Set<String> names = new LinkedHashSet<>();
		for (String expression : expressions) {
			String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
				.replaceAll("\\{[^}]*}", " ")
				.replaceAll("\\[[^]]*]", " ")
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
				.replaceAll("(?<![a-zA-Z_:])\\d+(\\.\\d+)?([eE][-+]?\\d+)?", " ");
			Matcher matcher = IDENTIFIER.matcher(bare);
			while (matcher.find()) {
				String name = matcher.group();
				String rest = bare.substring(matcher.end()).stripLeading();
				if (!rest.startsWith("(") && !KEYWORDS.contains(name.toLowerCase())) {
					names.add(name);
				}
			}
		}
		return names;
	}

	@Test
	void theMetricNameExtractionSkipsFunctionsLabelsAndNumbers() {
		assertThat(metricsIn(List
			.of("sum by (channel) (rate(a_total{status=~\"5..\", x=\"y\"}[5m])) / clamp_min(b_seconds, 1e-9) > 0.05 and on (x) c")))
			.containsExactly("a_total", "b_seconds", "c");
	}

	private static void assertBalanced(String expression) {
		int depth = 0;
		boolean quoted = false;
		for (char c : expression.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '[' || c == '{')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == ']' || c == '}')) {
				depth--;
				assertThat(depth).as("brackets in %s", expression).isNotNegative();
			}
		}
		assertThat(depth).as("brackets in %s", expression).isZero();
		assertThat(quoted).as("quotes in %s", expression).isFalse();
	}

}
