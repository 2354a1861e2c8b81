package kz.zhilyego.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.admin.MonthlyReports;
import kz.zhilyego.admin.PlatformAnalytics;
import kz.zhilyego.admin.PlatformReports;
import kz.zhilyego.admin.PlatformSummary;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The superuser's analytics pages ({@code /admin/analytics}: the period's figures with
 * Chart.js charts, rankings, every agency paged; one agency; agencies side by side), the
 * report downloads and the monthly reports. Same services as the API.
 */
@Controller
class AnalyticsPages {

	private final PlatformAnalytics analytics;

	private final PlatformReports reports;

	private final MonthlyReports monthly;

	private final JsonMapper json;

	private final Clock clock;

	private final PanelTexts texts;

	AnalyticsPages(PlatformAnalytics analytics, PlatformReports reports, MonthlyReports monthly, JsonMapper json,
			Clock clock, PanelTexts texts) {
		this.analytics = analytics;
		this.reports = reports;
		this.monthly = monthly;
		this.json = json;
		this.clock = clock;
		this.texts = texts;
	}

	@GetMapping("/admin/analytics")
	String analytics(@RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Periods period = Periods.of(preset, from, to, this.clock);
		PlatformSummary summary = this.analytics.summary(period.from(), period.to());
		model.addAttribute("period", period);
		model.addAttribute("summary", summary);
		model.addAttribute("agencies", this.analytics.agencies(period.from(), period.to(), Math.max(page, 0), 20));
		record Chart(List<PlatformSummary.Ranked> topAgencies, List<PlatformSummary.Ranked> topRealtors,
				List<PlatformSummary.Month> trends, String revenueLabel, String bookingsLabel) {
		}
		// "</" never closes the script element the JSON sits in
		model.addAttribute("chartJson", this.json
			.writeValueAsString(new Chart(summary.topAgencies(), summary.topRealtorsByRevenue(), summary.trends(),
					this.texts.get("admin.analytics.revenue"), this.texts.get("admin.analytics.paidBookings")))
			.replace("</", "<\\/"));
		return "admin/analytics";
	}

	@GetMapping("/admin/analytics/agencies/{id}")
	String agency(@PathVariable long id, @RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Model model) {
		Periods period = Periods.of(preset, from, to, this.clock);
		model.addAttribute("period", period);
		model.addAttribute("agency", this.analytics.agency(id, period.from(), period.to()));
		model.addAttribute("others", this.analytics.agencies(period.from(), period.to(), 0, 100).items());
		return "admin/agency";
	}

	@GetMapping("/admin/analytics/compare")
	String compare(@RequestParam List<Long> ids, @RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Model model) {
		Periods period = Periods.of(preset, from, to, this.clock);
		PlatformAnalytics.Comparison comparison = this.analytics.compare(ids, period.from(), period.to());
		model.addAttribute("period", period);
		model.addAttribute("comparison", comparison);
		model.addAttribute("ids", ids);
		model.addAttribute("chartJson", this.json.writeValueAsString(comparison).replace("</", "<\\/"));
		return "admin/compare";
	}

	@GetMapping("/admin/reports")
	String reports(Model model) {
		model.addAttribute("reports", this.monthly.list(null, true));
		return "admin/reports";
	}

	@GetMapping("/admin/reports/monthly/{id}.pdf")
	ResponseEntity<byte[]> monthly(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Downloads.file(this.monthly.download(user, id, null));
	}

	@GetMapping("/admin/reports/platform.{format}")
	ResponseEntity<byte[]> platform(@AuthenticationPrincipal CurrentUser user, @PathVariable String format,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return Downloads.file(this.reports.platform(user, from, to, Downloads.format(format), this.texts.locale()));
	}

	@GetMapping("/admin/reports/agencies/{id}.{format}")
	ResponseEntity<byte[]> agencyReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return Downloads.file(this.reports.agency(user, id, from, to, Downloads.format(format), this.texts.locale()));
	}

	@GetMapping("/admin/reports/realtors/{id}.{format}")
	ResponseEntity<byte[]> realtorReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return Downloads.file(this.reports.realtor(user, id, from, to, Downloads.format(format), this.texts.locale()));
	}

}
