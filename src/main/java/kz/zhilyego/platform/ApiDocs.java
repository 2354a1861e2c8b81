package kz.zhilyego.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * What {@code /v3/api-docs} says besides the operations springdoc finds: the two ways to
 * authenticate (a bearer access token from {@code POST /api/v1/auth/token}, or an
 * {@code X-Api-Key}), which operations need one (the same public paths as the security
 * configuration), and the RFC 9457 problem answers every operation can give — 400 when it
 * takes input, 401/403 when it needs a caller, 404 when its path names something, 429
 * always (the rate limit). Operations keep the answers they declare themselves.
 * {@code OpenApiLintIT} holds the document to Redocly's recommended rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String BEARER = "bearerToken";

	static final String API_KEY = "apiKey";

	private static final String PROBLEM = "application/problem+json";

	/** Open to everyone, as in {@code SecurityConfig}: method (or * for any) and path. */
	private static final List<String[]> PUBLIC = List.of(new String[] { "GET", "/api/v1/listings" },
			new String[] { "GET", "/api/v1/listings/**" }, new String[] { "*", "/api/v1/auth/**" },
			new String[] { "POST", "/api/v1/payments/webhooks/**" });

	private static final Map<String, String> TAGS = tags();

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Bean
	OpenAPI zhilyegoApi() {
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri").description("Stable problem type"))
			.addProperty("title", new StringSchema().description("Short title in the caller's language"))
			.addProperty("status", new IntegerSchema().description("HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
			.addProperty("instance", new StringSchema().description("The request path"))
			.addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
				.description("Field → message, for validation problems"));
		Components components = new Components()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Access token from POST /api/v1/auth/token (15 minutes; renew with "
								+ "POST /api/v1/auth/refresh)"))
			.addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-Api-Key")
						.description("A key created with POST /api/v1/api-keys; acts as its owner"))
			.addSchemas("Problem", problem)
			.addResponses("BadRequest", problem("The input is invalid (field errors in 'errors') or malformed"))
			.addResponses("Unauthorized", problem("No valid access token or API key"))
			.addResponses("Forbidden", problem("The caller's role does not allow this"))
			.addResponses("NotFound", problem("Nothing at this address, or outside the caller's scope"))
			.addResponses("TooManyRequests",
					problem("Over the rate limit; try again after Retry-After seconds").addHeaderObject("Retry-After",
							new Header().description("Seconds to wait").schema(new IntegerSchema())));
		return new OpenAPI()
			.info(new Info().title("ЖильеGO API")
				.version("v1")
				.description("Short-term rentals in Kazakhstan: search, bookings with a 15-minute hold, payments, "
						+ "notifications, the realtor workspace and administration. Errors are RFC 9457 problems "
						+ "(application/problem+json) in Russian, Kazakh or English by Accept-Language.")
				.license(new License().name("Proprietary").identifier("LicenseRef-ZhilyeGO-Proprietary")))
			.components(components);
	}

	@Bean
	OpenApiCustomizer zhilyegoApiOperations() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean open = isPublic(method, path);
				operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(BEARER),
						new SecurityRequirement().addList(API_KEY)));
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
						: operation.getResponses();
				if (takesInput(operation)) {
					responses.putIfAbsent("400", ref("BadRequest"));
				}
				if (!open) {
					responses.putIfAbsent("401", ref("Unauthorized"));
					responses.putIfAbsent("403", ref("Forbidden"));
				}
				if (path.contains("{")) {
					responses.putIfAbsent("404", ref("NotFound"));
				}
				responses.putIfAbsent("429", ref("TooManyRequests"));
				operation.setResponses(responses);
			}));
			Map<String, Tag> tags = new LinkedHashMap<>();
			api.getPaths()
				.values()
				.forEach(item -> item.readOperations()
					.forEach(operation -> (operation.getTags() == null ? List.<String>of() : operation.getTags())
						.forEach(name -> tags.computeIfAbsent(name,
								n -> new Tag().name(n).description(TAGS.getOrDefault(n, "Operations of " + n))))));
			api.setTags(List.copyOf(tags.values()));
		};
	}

	static boolean isPublic(PathItem.HttpMethod method, String path) {
		return PUBLIC.stream()
			.anyMatch(rule -> (rule[0].equals("*") || rule[0].equals(method.name())) && PATHS.match(rule[1], path));
	}

	private static boolean takesInput(Operation operation) {
		return operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	private static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("Listings", "Public search, listing cards, prices of stays and reviews");
		tags.put("Bookings", "Holds, bookings, cancellations, check-in and check-out");
		tags.put("Payments", "Payments of holds, refunds and provider callbacks");
		tags.put("Notifications", "In-app notifications and the caller's notification settings");
		tags.put("Favorites", "The caller's saved listings");
		tags.put("Reviews", "Reviews of completed stays, replies, complaints and moderation");
		return tags;
	}

}
