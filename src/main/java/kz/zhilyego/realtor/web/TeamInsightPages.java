package kz.zhilyego.realtor.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.TeamInsights;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency head's team pages beyond the summary (seed 001, scenario 10): a realtor's
 * page (edit the profile, the recent activity, the detailed report), the team's occupancy
 * heat map and the realtors compared month by month. Own agency only (the superuser may
 * look at any agency with {@code agencyId}, read-only); others get the realtor error
 * page.
 */
@Controller
class TeamInsightPages {

	private final TeamInsights insights;

	private final AgencyTeam team;

	private final PageMessages messages;

	private final Clock clock;

	TeamInsightPages(TeamInsights insights, AgencyTeam team, MessageSource messages, Clock clock) {
		this.insights = insights;
		this.team = team;
		this.messages = new PageMessages(messages);
		this.clock = clock;
	}

	private AnalyticsPeriod period(@Nullable String preset, @Nullable String from, @Nullable String to) {
		return AnalyticsPeriod.of(preset, from, to, LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)));
	}

	@GetMapping("/realtor/team/realtors/{id}")
	String realtor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		TeamInsights.Activity activity = this.insights.activity(user, agencyId, id);
		model.addAttribute("activity", activity);
		model.addAttribute("period", period(preset, from, to));
		model.addAttribute("agencyId", agencyId);
		model.addAttribute("head", agencyId == null);
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", activity.realtor());
		return "realtor/team-realtor";
	}

	@PostMapping("/realtor/team/realtors/{id}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String email, Model model, Locale locale,
			RedirectAttributes flash) {
		try {
			this.team.updateProfile(user, id, name, phone, email);
		}
		catch (ProblemException ex) {
			if (ex.status().value() != 400) {
				throw ex;
			}
			TeamInsights.Activity activity = this.insights.activity(user, null, id);
			model.addAttribute("activity", activity);
			model.addAttribute("period", period(null, null, null));
			model.addAttribute("agencyId", null);
			model.addAttribute("head", true);
			model.addAttribute("errors", this.messages.errors(ex, locale));
			model.addAttribute("form", new AgencyTeam.Member(id, name == null ? "" : name, phone == null ? "" : phone,
					email, activity.realtor().active()));
			return "realtor/team-realtor";
		}
		flash.addAttribute("saved", "1");
		return "redirect:/realtor/team/realtors/" + id;
	}

	@GetMapping("/realtor/team/heat-map")
	String heatMap(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		AnalyticsPeriod period = period(preset, from, to);
		model.addAttribute("period", period);
		model.addAttribute("agencyId", agencyId);
		model.addAttribute("heat", this.insights.heatMap(user, agencyId, period.start(), period.end()));
		return "realtor/team-heat-map";
	}

	@GetMapping("/realtor/team/compare")
	String compare(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		AnalyticsPeriod period = period(preset == null && from == null ? "year" : preset, from, to);
		model.addAttribute("period", period);
		model.addAttribute("agencyId", agencyId);
		model.addAttribute("months", this.insights.months(user, agencyId, period.start(), period.end()));
		return "realtor/team-compare";
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", String.join(" ", this.messages.errors(ex, locale).values()));
		return "realtor/error";
	}

}
