package kz.zhilyego.channel.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.channel.CalendarExport;
import kz.zhilyego.channel.CalendarImports;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** iCal sync of a listing: its export feed and the imported feeds of other platforms. */
@RestController
@Tag(name = "Calendar sync", description = "iCal export and import (Airbnb, Booking.com, ...)")
class CalendarApiController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarExport export;

	private final CalendarImports imports;

	CalendarApiController(CalendarExport export, CalendarImports imports) {
		this.export = export;
		this.imports = imports;
	}

	record ImportRequest(@Nullable String name, @Nullable String url) {
	}

	@GetMapping("/api/v1/realtor/listings/{id}/ical")
	@Operation(summary = "The listing's export URL and imported feeds with their last sync, events and errors")
	Map<String, Object> overview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		CalendarImports.Overview overview = this.imports.overview(id, user);
		return Map.of("listingId", id, "exportUrl", overview.exportUrl(), "imports", overview.imports());
	}

	@PostMapping("/api/v1/realtor/listings/{id}/ical/rotate")
	@Operation(summary = "A new export URL; the old one stops working")
	Map<String, Object> rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Map.of("listingId", id, "exportUrl", this.export.rotate(id, user));
	}

	@PostMapping("/api/v1/realtor/listings/{id}/ical-imports")
	@Operation(summary = "Import another platform's feed into the listing's calendar (read within a minute)")
	ResponseEntity<CalendarImports.ImportView> add(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable ImportRequest body) {
		ImportRequest request = body == null ? new ImportRequest(null, null) : body;
		CalendarImports.ImportView created = this.imports.add(id, request.name(), request.url(), user);
		return ResponseEntity.created(URI.create("/api/v1/realtor/listings/" + id + "/ical-imports/" + created.id()))
			.body(created);
	}

	@PostMapping("/api/v1/realtor/listings/{id}/ical-imports/{importId}/sync")
	@Operation(summary = "Read the feed now; answers how it went (an error is in lastError)")
	CalendarImports.ImportView sync(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long importId) {
		return this.imports.syncNow(id, importId, user);
	}

	@DeleteMapping("/api/v1/realtor/listings/{id}/ical-imports/{importId}")
	@Operation(summary = "Stop importing the feed; the nights it blocked are free again")
	ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long importId) {
		this.imports.remove(id, importId, user);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The public feed ({@code text/calendar}); {@code If-None-Match} with the last ETag
	 * answers 304 when nothing changed.
	 */
	@GetMapping("/ical/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return this.export.feed(token).map(feed -> {
			if (feed.etag().equals(ifNoneMatch)) {
				return ResponseEntity.status(304).eTag(feed.etag()).<String>build();
			}
			return ResponseEntity.ok()
				.contentType(CALENDAR)
				.eTag(feed.etag())
				.cacheControl(CacheControl.noCache())
				.header("X-Robots-Tag", "noindex")
				.body(feed.body());
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

}
