package kz.zhilyego.realtor.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.realtor.BookingReports;
import kz.zhilyego.realtor.TeamAnalytics;
import kz.zhilyego.realtor.TeamSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agency head's team page: the realtors with their numbers, activate/deactivate,
 * invitations (invite by e-mail, the pending ones, revoke), the top-5 charts, revenue by
 * month and the team exports. The superuser may open it for any agency
 * ({@code agencyId}), read-only.
 */
@Controller
class RealtorTeamPages {

	private final TeamAnalytics analytics;

	private final AgencyTeam team;

	private final BookingReports reports;

	private final PageMessages messages;

	private final JsonMapper json;

	private final Clock clock;

	RealtorTeamPages(TeamAnalytics analytics, AgencyTeam team, BookingReports reports, PageMessages messages,
			JsonMapper json, Clock clock) {
		this.analytics = analytics;
		this.team = team;
		this.reports = reports;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/realtor/team")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		if (agencyId == null && user.has(Role.SUPERUSER) && !this.analytics.isHead(user)) {
			// the platform owner heads no agency: choose one first
			model.addAttribute("agencies", this.team.agencies());
			return "realtor/team-agencies";
		}
		render(user, preset, from, to, agencyId, page, model);
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "realtor/team";
	}

	@PostMapping("/realtor/team/{id}/{action:activate|deactivate}")
	String setActive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action) {
		this.team.setActive(user, id, action.equals("activate"));
		return "redirect:/realtor/team?done=" + action;
	}

	/**
	 * Invites someone by e-mail: they join only by accepting the e-mailed invitation
	 * while signed in. The page says the same whatever the address belongs to.
	 */
	@PostMapping("/realtor/team/invite")
	String invite(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, Model model, Locale locale) {
		try {
			if (email.isBlank()) {
				throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation",
						"problem.validation", Map.of("email", "realtor.field.required"));
			}
			this.team.invite(user, email.trim(), name.isBlank() ? null : name.trim(), Language.of(locale));
			return "redirect:/realtor/team?done=invited";
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			render(user, null, null, null, null, null, model);
			model.addAttribute("form", Map.of("name", name, "email", email));
			Map<String, String> errors = this.messages.errors(ex, locale);
			model.addAttribute("errors", errors);
			return "realtor/team";
		}
	}

	@PostMapping("/realtor/team/invitations/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.team.revokeInvitation(user, id);
		return "redirect:/realtor/team?done=revoked";
	}

	@GetMapping("/realtor/reports/team.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentUser user, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) @Nullable Long agencyId, Locale locale) {
		return RealtorBookingApiController.file(
				this.reports.teamCsv(user, agencyId, RealtorListingPages.date("from", from),
						RealtorListingPages.date("to", to), locale),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"team-" + from + "-" + to + ".csv");
	}

	@GetMapping("/realtor/reports/team.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) @Nullable Long agencyId, Locale locale) {
		return RealtorBookingApiController.file(
				this.reports.teamXlsx(user, agencyId, RealtorListingPages.date("from", from),
						RealtorListingPages.date("to", to), locale),
				RealtorBookingApiController.XLSX, "team-" + from + "-" + to + ".xlsx");
	}

	private void render(CurrentUser user, @Nullable String preset, @Nullable String from, @Nullable String to,
			@Nullable Long agencyId, @Nullable Integer page, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		AnalyticsPeriod period = AnalyticsPeriod.of(preset, from, to, today);
		LocalDate start = period.start();
		LocalDate end = period.end();
		TeamSummary summary = this.analytics.summary(user, agencyId, start, end, page, null);
		// the monthly dynamics: the calendar year of the period's end
		LocalDate yearStart = end.withDayOfYear(1);
		TeamSummary year = start.equals(yearStart) && end.equals(end.withDayOfYear(end.lengthOfYear())) ? summary
				: this.analytics.summary(user, agencyId, yearStart, end.withDayOfYear(end.lengthOfYear()), 0, 1);
		model.addAttribute("summary", summary);
		model.addAttribute("preset", period.preset());
		model.addAttribute("agencyId", agencyId);
		boolean head = this.analytics.isHead(user) && agencyId == null;
		model.addAttribute("head", head);
		record Invitation(long id, String email, @Nullable String name, java.time.Instant sent,
				java.time.Instant expires) {
		}
		List<Invitation> invitations = !head ? List.of()
				: this.team.agencyOfHead(user)
					.map(this.team::invitations)
					.orElse(List.of())
					.stream()
					.map(i -> new Invitation(i.id(), i.email(), i.name(), i.createdAt(), i.expiresAt()))
					.toList();
		model.addAttribute("invitations", invitations);
		model.addAttribute("me", user.id());
		model.addAttribute("shortMonths",
				RealtorWorkPages.shortMonths(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		record Chart(Object topByRevenue, Object topByBookings, Object revenueByMonth) {
		}
		// "</" never closes the script element the JSON sits in
		model.addAttribute("chartJson",
				this.json
					.writeValueAsString(
							new Chart(summary.topByRevenue(), summary.topByBookings(), year.revenueByMonth()))
					.replace("</", "<\\/"));
	}

}
