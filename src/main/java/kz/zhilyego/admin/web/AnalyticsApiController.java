package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.admin.PlatformAnalytics;
import kz.zhilyego.admin.PlatformSummary;
import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's analytics for a period (the security chain admits SUPERUSER only):
 * {@code /summary}, every agency paged, one agency, and agencies side by side.
 */
@RestController
@RequestMapping("/api/v1/admin/analytics")
class AnalyticsApiController {

	private final PlatformAnalytics analytics;

	AnalyticsApiController(PlatformAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/summary")
	@Operation(summary = "Superuser: the platform's money, counts, rates, rankings and trends for a period")

	PlatformSummary summary(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.analytics.summary(from, to);
	}

	@GetMapping("/agencies")
	@Operation(summary = "Superuser: every agency with its money and occupancy (paged)")

	PageResult<PlatformAnalytics.AgencyStat> agencies(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.analytics.agencies(from, to, page, size);
	}

	@GetMapping("/agencies/compare")
	@Operation(summary = "Superuser: 2 to 10 agencies side by side")

	PlatformAnalytics.Comparison compare(@RequestParam List<Long> ids,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.analytics.compare(ids, from, to);
	}

	@GetMapping("/agencies/{id}")
	@Operation(summary = "Superuser: one agency's figures")

	PlatformAnalytics.AgencyStat agency(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.analytics.agency(id, from, to);
	}

}
