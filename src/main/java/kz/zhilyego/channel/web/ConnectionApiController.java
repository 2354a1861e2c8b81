package kz.zhilyego.channel.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.channel.Connections;
import kz.zhilyego.channel.ReceiveBooking;
import kz.zhilyego.channel.WebhookSignature;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connections of other booking systems (realtors for own listings, agency heads for the
 * team's) and the webhook they send bookings to.
 */
@RestController
@Tag(name = "Connections", description = "Bookings from other booking systems by signed webhooks")
class ConnectionApiController {

	private final Connections connections;

	private final ReceiveBooking receive;

	ConnectionApiController(Connections connections, ReceiveBooking receive) {
		this.connections = connections;
		this.receive = receive;
	}

	record CreateRequest(@Nullable String name, @Nullable List<Long> listingIds,
			@Nullable Map<String, Long> listingMap) {
	}

	@PostMapping("/api/v1/realtor/connections")
	@Operation(summary = "Connect a booking system to listings; the signing secret is in this answer only")
	ResponseEntity<Connections.Created> create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody(required = false) @Nullable CreateRequest body) {
		CreateRequest request = body == null ? new CreateRequest(null, null, null) : body;
		Connections.Created created = this.connections.create(request.name(), request.listingIds(),
				request.listingMap(), user);
		return ResponseEntity.created(URI.create("/api/v1/realtor/connections/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/realtor/connections")
	@Operation(summary = "Connections in scope (never their secrets)")
	List<Connections.Summary> list(@AuthenticationPrincipal CurrentUser user) {
		return this.connections.list(user);
	}

	@DeleteMapping("/api/v1/realtor/connections/{id}")
	@Operation(summary = "Revoke a connection: its webhooks are refused from now on, its bookings stay")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.connections.revoke(id, user);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/integrations/{connectionId}/bookings")
	@Operation(summary = "Receive a booking event of a connection",
			description = "Headers X-Zhilyego-Timestamp (Unix seconds) and X-Zhilyego-Signature: "
					+ "sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + raw body)>; see docs/integrations.md",
			responses = { @ApiResponse(responseCode = "200", description = "Applied, unchanged, stale or a replay"),
					@ApiResponse(responseCode = "400", description = "Not a booking event"),
					@ApiResponse(responseCode = "401",
							description = "Bad signature or a timestamp more than 5 min off"),
					@ApiResponse(responseCode = "404", description = "Unknown or revoked connection"),
					@ApiResponse(responseCode = "409", description = "The nights are taken: nothing written"),
					@ApiResponse(responseCode = "413", description = "Body larger than max-webhook-body (64 KB)"),
					@ApiResponse(responseCode = "422", description = "The listing is not one of the connection's") })
	ReceiveBooking.Receipt receive(@PathVariable UUID connectionId,
			@RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) @Nullable String timestamp,
			@RequestHeader(name = WebhookSignature.SIGNATURE, required = false) @Nullable String signature,
			@RequestBody(required = false) byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-event", "channel.webhook.malformed");
		}
		return this.receive.receive(connectionId, timestamp, signature, body);
	}

}
