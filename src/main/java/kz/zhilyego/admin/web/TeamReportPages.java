package kz.zhilyego.admin.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.admin.MonthlyReports;
import kz.zhilyego.admin.PlatformReports;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agency head's report files from the team pages: the team's PDF, a team realtor's
 * report (CSV, XLSX, PDF) and the agency's monthly reports. Own agency only; errors are
 * the workspace's HTML error page.
 */
@Controller
class TeamReportPages {

	private final PlatformReports reports;

	private final MonthlyReports monthly;

	private final AgencyTeam team;

	private final PanelTexts texts;

	TeamReportPages(PlatformReports reports, MonthlyReports monthly, AgencyTeam team, PanelTexts texts) {
		this.reports = reports;
		this.monthly = monthly;
		this.team = team;
		this.texts = texts;
	}

	@GetMapping("/realtor/team/report.pdf")
	ResponseEntity<byte[]> teamPdf(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return Downloads.file(this.reports.agency(user, null, from, to, kz.zhilyego.admin.ReportFiles.Format.PDF,
				this.texts.locale()));
	}

	@GetMapping("/realtor/team/realtors/{id}/report.{format}")
	ResponseEntity<byte[]> realtor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String format, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		long agency = headOf(user);
		if (id != user.id() && this.team.members(agency).stream().noneMatch(m -> m.id() == id)) {
			throw ProblemException.notFound("realtor.realtorNotFound");
		}
		return Downloads.file(this.reports.realtor(user, id, from, to, Downloads.format(format), this.texts.locale()));
	}

	@GetMapping("/realtor/team/reports")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("reports", this.monthly.list(headOf(user), false));
		return "realtor/team-reports";
	}

	@GetMapping("/realtor/team/reports/{id}.pdf")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Downloads.file(this.monthly.download(user, id, this.team.agencyOfHead(user).orElse(null)));
	}

	private long headOf(CurrentUser user) {
		return this.team.agencyOfHead(user).orElseThrow(() -> ProblemException.forbidden("realtor.team.headOnly"));
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", this.texts.of(ex));
		return "realtor/error";
	}

}
