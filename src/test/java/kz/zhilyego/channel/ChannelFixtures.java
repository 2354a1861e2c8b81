package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays another booking system: creates a connection through the realtor API and sends it
 * signed booking events, as a sender following docs/integrations.md would.
 */
public final class ChannelFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChannelFixtures() {
	}

	/** A connection as its creator got it (the secret is in that answer only). */
	public record Connection(String id, String secret, String url) {

		public String path() {
			return "/api/v1/integrations/" + this.id + "/bookings";
		}

	}

	public static Connection connect(Api api, String bearer, String name, List<Long> listingIds,
			Map<String, Long> listingMap) {
		Api.Response response = api.post("/api/v1/realtor/connections",
				Map.of("name", name, "listingIds", listingIds, "listingMap", listingMap), "Authorization", bearer);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode json = response.json();
		return new Connection(json.get("id").asString(), json.get("secret").asString(), json.get("url").asString());
	}

	/** Sends the event signed with the connection's secret and the given timestamp. */
	public static Api.Response send(Api api, Connection connection, String body, Instant timestamp) {
		long ts = timestamp.getEpochSecond();
		return api.post(connection.path(), body, "X-Zhilyego-Timestamp", String.valueOf(ts), "X-Zhilyego-Signature",
				WebhookSignature.sign(connection.secret(), ts, body.getBytes(StandardCharsets.UTF_8)));
	}

	/** A created / updated event of a listing of ours. */
	public static String booking(String event, String externalId, long listingId, String checkIn, String checkOut,
			@Nullable String occurredAt, String phone, @Nullable String email) {
		StringBuilder json = new StringBuilder("{\"event\":\"").append(event)
			.append("\",\"externalId\":\"")
			.append(externalId)
			.append("\",\"listingId\":")
			.append(listingId)
			.append(",\"checkIn\":\"")
			.append(checkIn)
			.append("\",\"checkOut\":\"")
			.append(checkOut)
			.append("\",\"guests\":2");
		if (occurredAt != null) {
			json.append(",\"occurredAt\":\"").append(occurredAt).append('"');
		}
		json.append(",\"guest\":{\"name\":\"Дана Сейткали\",\"phone\":\"").append(phone).append('"');
		if (email != null) {
			json.append(",\"email\":\"").append(email).append('"');
		}
		return json.append("}}").toString();
	}

	public static String cancelled(String externalId, @Nullable String occurredAt) {
		return "{\"event\":\"booking.cancelled\",\"externalId\":\"" + externalId + "\""
				+ (occurredAt == null ? "" : ",\"occurredAt\":\"" + occurredAt + "\"") + "}";
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
