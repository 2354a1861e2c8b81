package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;

import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.TeamInsights;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency head's team (the security chain admits SUPER_ADMIN only; own agency only):
 * edit a realtor's profile, a realtor's activity, the team's occupancy heat map and the
 * realtors month by month.
 */
@RestController
@RequestMapping("/api/v1/agency")
class AgencyInsightsApiController {

	private final AgencyTeam team;

	private final TeamInsights insights;

	AgencyInsightsApiController(AgencyTeam team, TeamInsights insights) {
		this.team = team;
		this.insights = insights;
	}

	record ProfileRequest(@Nullable String name, @Nullable String phone, @Nullable String email) {
	}

	@PutMapping("/realtors/{id}")
	@Operation(summary = "Agency head: rename a team realtor (audited; e-mail and phone stay the realtor's own)")

	AgencyTeam.Member update(@AuthenticationPrincipal CurrentUser head, @PathVariable long id,
			@RequestBody ProfileRequest request) {
		return this.team.updateProfile(head, id, request.name(), request.phone(), request.email());
	}

	@GetMapping("/realtors/{id}/activity")
	@Operation(summary = "Agency head: a team realtor's listing changes and actions")

	TeamInsights.Activity activity(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		return this.insights.activity(head, null, id);
	}

	@GetMapping("/analytics/heat-map")
	@Operation(summary = "Agency head: the team occupancy heat map (realtor × day)")

	TeamInsights.HeatMap heatMap(@AuthenticationPrincipal CurrentUser head,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.insights.heatMap(head, null, from, to);
	}

	@GetMapping("/analytics/months")
	@Operation(summary = "Agency head: revenue and bookings of each realtor by month")

	TeamInsights.Months months(@AuthenticationPrincipal CurrentUser head,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.insights.months(head, null, from, to);
	}

}
