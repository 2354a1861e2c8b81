package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.zhilyego.admin.MonthlyReports;
import kz.zhilyego.admin.PlatformReports;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Report files. Superuser ({@code /api/v1/admin/reports/**}): the platform, any agency,
 * any realtor, the stored monthly reports. Agency head ({@code /api/v1/agency/**}): own
 * agency's report, a team realtor's report, own agency's monthly reports. Formats by
 * extension: csv, xlsx, pdf.
 */
@RestController
class ReportsApiController {

	private final PlatformReports reports;

	private final MonthlyReports monthly;

	private final AgencyTeam team;

	ReportsApiController(PlatformReports reports, MonthlyReports monthly, AgencyTeam team) {
		this.reports = reports;
		this.monthly = monthly;
		this.team = team;
	}

	@GetMapping("/api/v1/admin/reports/platform.{format}")
	@Operation(summary = "Superuser: the platform report as csv, xlsx or pdf")

	ResponseEntity<byte[]> platform(@AuthenticationPrincipal CurrentUser user, @PathVariable String format,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Locale locale) {
		return Downloads.file(this.reports.platform(user, from, to, Downloads.format(format), locale));
	}

	@GetMapping("/api/v1/admin/reports/agencies/{id}.{format}")
	@Operation(summary = "Superuser: an agency's report as csv, xlsx or pdf")

	ResponseEntity<byte[]> agency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Locale locale) {
		return Downloads.file(this.reports.agency(user, id, from, to, Downloads.format(format), locale));
	}

	@GetMapping("/api/v1/admin/reports/realtors/{id}.{format}")
	@Operation(summary = "Superuser: a realtor's report as csv, xlsx or pdf")

	ResponseEntity<byte[]> realtor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Locale locale) {
		return Downloads.file(this.reports.realtor(user, id, from, to, Downloads.format(format), locale));
	}

	@GetMapping("/api/v1/admin/reports/monthly")
	@Operation(summary = "Superuser: the stored monthly reports")

	List<MonthlyReports.Report> monthly() {
		return this.monthly.list(null, true);
	}

	@GetMapping("/api/v1/admin/reports/monthly/{id}.pdf")
	@Operation(summary = "Superuser: a stored monthly report's PDF")

	ResponseEntity<byte[]> monthlyFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Downloads.file(this.monthly.download(user, id, null));
	}

	@GetMapping("/api/v1/agency/reports/team.{format}")
	@Operation(summary = "Agency head: the own team's report as csv, xlsx or pdf")

	ResponseEntity<byte[]> team(@AuthenticationPrincipal CurrentUser user, @PathVariable String format,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Locale locale) {
		return Downloads.file(this.reports.agency(user, null, from, to, Downloads.format(format), locale));
	}

	@GetMapping("/api/v1/agency/realtors/{id}/report.{format}")
	@Operation(summary = "Agency head: a team realtor's report as csv, xlsx or pdf")

	ResponseEntity<byte[]> teamRealtor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Locale locale) {
		requireOwnRealtor(user, id);
		return Downloads.file(this.reports.realtor(user, id, from, to, Downloads.format(format), locale));
	}

	@GetMapping("/api/v1/agency/reports/monthly")
	@Operation(summary = "Agency head: the own team's monthly reports")

	List<MonthlyReports.Report> agencyMonthly(@AuthenticationPrincipal CurrentUser user) {
		long agency = this.team.agencyOfHead(user)
			.orElseThrow(() -> kz.zhilyego.common.ProblemException.forbidden("realtor.team.headOnly"));
		return this.monthly.list(agency, false);
	}

	@GetMapping("/api/v1/agency/reports/monthly/{id}.pdf")
	@Operation(summary = "Agency head: a monthly report's PDF (own agency only)")

	ResponseEntity<byte[]> agencyMonthlyFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Downloads.file(this.monthly.download(user, id, this.team.agencyOfHead(user).orElse(null)));
	}

	/**
	 * A head's realtor: a member of the own agency (the head included); others are 404.
	 */
	private void requireOwnRealtor(CurrentUser head, long realtorId) {
		long agency = this.team.agencyOfHead(head)
			.orElseThrow(() -> kz.zhilyego.common.ProblemException.forbidden("realtor.team.headOnly"));
		boolean member = realtorId == head.id()
				|| this.team.members(agency).stream().anyMatch(m -> m.id() == realtorId);
		if (!member) {
			throw kz.zhilyego.common.ProblemException.notFound("realtor.realtorNotFound");
		}
	}

}
