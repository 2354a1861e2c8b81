package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.events.PlatformEvents;
import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/events?type&subject&from&to&page&size}: the platform record,
 * newest first. {@code type} is exact or a prefix ending in a dot; {@code subject} is
 * {@code booking} or {@code booking:<id>}; {@code from}/{@code to} an ISO instant or a
 * date. A bad parameter is a 400 problem naming it.
 */
@RestController
class EventsApiController {

	private final PlatformEvents events;

	EventsApiController(PlatformEvents events) {
		this.events = events;
	}

	@GetMapping("/api/v1/admin/events")
	@Operation(summary = "Superuser: platform events by type, subject and time (paged)")
	PageResult<RecordedEvent> search(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size) {
		if (!user.has(kz.zhilyego.identity.Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		return this.events.search(
				new PlatformEvents.Filter(type, subject, PlatformEvents.instant("from", from, false),
						PlatformEvents.instant("to", to, true)),
				PlatformEvents.number("page", page, 0), PlatformEvents.number("size", size, 50));
	}

}
