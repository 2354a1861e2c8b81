package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.admin.DailyMetrics;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily metrics (the security chain admits SUPERUSER only): the stored rows of a
 * period, and a recompute of a date or a range (audited). A missing, reversed or too long
 * period is a 400 problem.
 */
@RestController
@RequestMapping("/api/v1/admin/metrics/daily")
class DailyMetricsApiController {

	private final DailyMetrics metrics;

	DailyMetricsApiController(DailyMetrics metrics) {
		this.metrics = metrics;
	}

	/** The rows of [from, to], oldest first; days without a row are absent. */
	record Period(LocalDate from, LocalDate to, List<DailyMetrics.Day> days) {
	}

	@GetMapping
	@Operation(summary = "Superuser: the daily metrics of a period (at most 366 days)")
	Period list(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		List<DailyMetrics.Day> days = this.metrics.list(from, to);
		return new Period(from, to, days);
	}

	@PostMapping("/recompute")
	@Operation(summary = "Superuser: recompute the daily metrics of a date or a range (audited)")
	DailyMetrics.Recomputed recompute(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.metrics.recompute(user, from, to == null ? from : to);
	}

}
