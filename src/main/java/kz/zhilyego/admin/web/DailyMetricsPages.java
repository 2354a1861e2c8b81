package kz.zhilyego.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.admin.DailyMetrics;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily metrics on {@code /admin}: the overview loads {@code /admin/metrics/daily}
 * (the last 30 days up to yesterday: a chart and a table) and its form recomputes a date
 * or a range.
 */
@Controller
class DailyMetricsPages {

	/** Days the overview's chart shows. */
	static final int CHART_DAYS = 30;

	private final DailyMetrics metrics;

	private final PanelTexts texts;

	private final JsonMapper json;

	private final Clock clock;

	DailyMetricsPages(DailyMetrics metrics, PanelTexts texts, JsonMapper json, Clock clock) {
		this.metrics = metrics;
		this.texts = texts;
		this.json = json;
		this.clock = clock;
	}

	/** What the chart script reads. */
	record Chart(List<DailyMetrics.Day> days, String revenueLabel, String bookingsLabel, String occupancyLabel) {
	}

	@GetMapping("/admin/metrics/daily")
	String chart(Model model) {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)).minusDays(1);
		LocalDate from = yesterday.minusDays(CHART_DAYS - 1);
		List<DailyMetrics.Day> days = this.metrics.list(from, yesterday);
		model.addAttribute("from", from);
		model.addAttribute("to", yesterday);
		model.addAttribute("days", days.reversed());
		// "</" never closes the script element the JSON sits in
		model.addAttribute("chartJson",
				this.json
					.writeValueAsString(new Chart(days, this.texts.get("admin.metrics.revenue"),
							this.texts.get("admin.metrics.paidBookings"), this.texts.get("admin.metrics.occupancy")))
					.replace("</", "<\\/"));
		return "admin/metrics :: metrics";
	}

	@PostMapping("/admin/metrics/daily/recompute")
	String recompute(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, RedirectAttributes flash) {
		try {
			DailyMetrics.Recomputed done = this.metrics.recompute(user, from, to == null ? from : to);
			flash.addFlashAttribute("flash",
					this.texts.get("admin.metrics.recomputed", done.days(), done.from(), done.to()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin";
	}

}
