package kz.zhilyego.web;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.zhilyego.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat rejects before the app sees them (an encoded slash in the path) get the
 * site's page or the API's problem, not Tomcat's own "HTTP Status 400" page.
 */
@IntegrationTest
class ContainerErrorsIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPathTomcatRejectsGetsTheSitesPageInTheVisitorsLanguage() throws Exception {
		for (String path : List.of("/css/..%2Fapp.css", "/astana/esil/..%2F..%2Fapplication.yml", "/%2e%2e%2fetc")) {
			HttpResponse<String> ru = get(path, "ru-RU,ru;q=0.9,en;q=0.5");
			assertThat(ru.statusCode()).as(path).isEqualTo(400);
			assertThat(ru.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
			assertThat(ru.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			Document page = Jsoup.parse(ru.body());
			assertThat(page.select("main[data-error=400]")).as(path).hasSize(1);
			assertThat(page.title()).isEqualTo("Запрос не выполнен · ЖильеGO");
			assertThat(page.select("[role=alert]").text()).startsWith("Запрос составлен неверно.");
			assertThat(ru.body()).doesNotContain("Tomcat", "HTTP Status", "%2F", "application.yml");

			assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).satisfiesExactly(
					css -> assertThat(css).matches("/css/bootstrap-used-[0-9a-f]{32}\\.css"),
					css -> assertThat(css).matches("/css/app-[0-9a-f]{32}\\.css"));
			for (String css : page.select("link[rel=stylesheet]").eachAttr("href")) {
				assertThat(get(css, "ru").statusCode()).isEqualTo(200);
			}
		}

		Document kk = Jsoup.parse(get("/css/..%2Fapp.css", "kk-KZ,kk;q=0.9").body());
		assertThat(kk.select("html").attr("lang")).isEqualTo("kk");
		assertThat(kk.title()).isEqualTo("Сұрау орындалмады · ЖильеGO");
		Document fallback = Jsoup.parse(get("/css/..%2Fapp.css", "de-DE").body());
		assertThat(fallback.select("html").attr("lang")).isEqualTo("ru");
		Document none = Jsoup.parse(get("/css/..%2Fapp.css", null).body());
		assertThat(none.select("html").attr("lang")).isEqualTo("ru");
	}

	@Test
	void anApiPathTomcatRejectsGetsAProblem() throws Exception {
		HttpResponse<String> response = get("/api/v1/listings/..%2F..%2Fadmin", "en");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.get("type").asString()).endsWith("/malformed-request");
		assertThat(problem.get("title").asString()).isEqualTo("Malformed request");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo("The request is malformed.");
		assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Language");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");

		// an HTTP version Tomcat does not speak is the client's error too, not "try
		// later"
		String raw;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write("GET /api/v1/listings HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(raw).startsWith("HTTP/1.1 505").contains("/bad-request\"").doesNotContain("/internal\"");
	}

	private HttpResponse<String> get(String path, @Nullable String languages) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (languages != null) {
			request.header("Accept-Language", languages);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
