package kz.zhilyego.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp Cloud API template message: {@code POST {baseUrl}/{phoneNumberId}/messages}
 * with a bearer token, the kind's template in the recipient's language and its body
 * parameters. 429 and 5xx → retry with backoff; other 4xx (bad number, template mismatch)
 * → rejected.
 */
class WhatsAppCloudSender implements ChannelSender {

	private final NotificationProperties.WhatsApp settings;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	WhatsAppCloudSender(NotificationProperties.WhatsApp settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		String phone = message.address();
		if (phone == null) {
			return new SendResult.Rejected("no phone number");
		}
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(this.settings.baseUrl() + "/" + this.settings.phoneNumberId() + "/messages"))
				.timeout(this.settings.timeout())
				.header("Authorization", "Bearer " + this.settings.accessToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body(message, rendered)),
						StandardCharsets.UTF_8))
				.build();
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return result(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			return new SendResult.Failed("WhatsApp unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendResult.Failed("interrupted");
		}
	}

	Map<String, Object> body(OutboxMessage message, RenderedMessage rendered) {
		String phone = message.address() == null ? "" : message.address();
		List<Map<String, String>> parameters = rendered.whatsAppParams()
			.stream()
			.map(text -> Map.of("type", "text", "text", text))
			.toList();
		Map<String, Object> template = new LinkedHashMap<>();
		template.put("name", this.settings.templateName(message.kind()));
		template.put("language",
				Map.of("policy", "deterministic", "code", this.settings.languageCode(message.language().code())));
		template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", phone.startsWith("+") ? phone.substring(1) : phone);
		body.put("type", "template");
		body.put("template", template);
		return body;
	}

	SendResult result(int status, String body, String retryAfter) {
		JsonNode answer;
		try {
			answer = this.json.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (RuntimeException ex) {
			answer = this.json.createObjectNode();
		}
		if (status >= 200 && status < 300) {
			return new SendResult.Sent(answer.path("messages").path(0).path("id").asString(null));
		}
		JsonNode error = answer.path("error");
		String description = "WhatsApp " + status + " (code " + error.path("code").asString("?") + "): "
				+ SendResult.shorten(error.path("message").asString(""));
		if (status == 429 && retryAfter != null && retryAfter.matches("\\d{1,6}")) {
			return new SendResult.RetryAfter(Duration.ofSeconds(Long.parseLong(retryAfter)), description);
		}
		if (status == 429 || status >= 500) {
			return new SendResult.Failed(description);
		}
		return new SendResult.Rejected(description);
	}

}
