package kz.zhilyego.admin.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import kz.zhilyego.admin.UserActivity;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditCsv;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.AuditTrail;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Governance;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People: a user's page (profile, roles, block with a reason, the activity history),
 * agencies (create, assign the head), the audit log and the code-reveal log with filters
 * and CSV export.
 */
@Controller
class PeoplePages {

	private static final int PAGE_SIZE = 50;

	private final UserActivity activity;

	private final Governance governance;

	private final AuditTrail trail;

	private final AuditLog audit;

	private final PanelTexts texts;

	PeoplePages(UserActivity activity, Governance governance, AuditTrail trail, AuditLog audit, PanelTexts texts) {
		this.activity = activity;
		this.governance = governance;
		this.trail = trail;
		this.audit = audit;
		this.texts = texts;
	}

	@GetMapping("/admin/users/{id}")
	String user(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		UserActivity.Activity found = this.activity.of(user, id);
		model.addAttribute("activity", found);
		model.addAttribute("roles", List.of(Role.values()));
		Long agencyId = found.person().profile().agencyId();
		model.addAttribute("agencyName",
				agencyId == null ? null
						: this.governance.agencies()
							.stream()
							.filter(a -> a.id() == agencyId)
							.map(Governance.Agency::name)
							.findFirst()
							.orElse(null));
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}/roles")
	String roles(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<String> role, RedirectAttributes flash) {
		try {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String r : role == null ? List.<String>of() : role) {
				try {
					roles.add(Role.valueOf(r));
				}
				catch (IllegalArgumentException ex) {
					throw ProblemException.invalidField("role", "admin.users.roleUnknown");
				}
			}
			this.governance.setRoles(user, id, roles);
			flash.addFlashAttribute("flash", this.texts.get("admin.users.rolesSaved"));
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/admin/agencies")
	String agencies(Model model) {
		model.addAttribute("agencies", this.governance.agencies());
		return "admin/agencies";
	}

	@PostMapping("/admin/agencies")
	String createAgency(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String name, RedirectAttributes flash) {
		try {
			String text = name == null ? "" : name.strip();
			if (text.length() < 2 || text.length() > 200) {
				throw ProblemException.invalidField("name", "admin.agencies.nameLength");
			}
			Governance.Agency agency = this.governance.createAgency(user, text);
			flash.addFlashAttribute("flash", this.texts.get("admin.agencies.created", agency.name()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/agencies";
	}

	@PostMapping("/admin/agencies/{id}/head")
	String head(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String userId, RedirectAttributes flash) {
		try {
			long head;
			try {
				head = Long.parseLong(userId == null ? "" : userId.strip());
			}
			catch (NumberFormatException ex) {
				throw ProblemException.invalidField("userId", "admin.agencies.userIdRequired");
			}
			Governance.Agency agency = this.governance.assignHead(user, id, head);
			flash.addFlashAttribute("flash", this.texts.get("admin.agencies.headAssigned", agency.name()));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/agencies";
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) @Nullable Long actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			Model model) {
		AuditTrail.Filter filter = new AuditTrail.Filter(actor, action, subjectType, subjectId, from, to, null);
		model.addAttribute("filter", filter);
		model.addAttribute("result", this.trail.search(filter, Math.max(page, 0), PAGE_SIZE));
		return "admin/audit";
	}

	@GetMapping("/admin/audit.csv")
	ResponseEntity<byte[]> auditCsv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Long actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		byte[] csv = AuditCsv
			.audit(this.trail.export(new AuditTrail.Filter(actor, action, subjectType, subjectId, from, to, null)));
		this.audit.record(user.id(), "report.exported", "audit", null, java.util.Map.of("format", "csv"));
		return Downloads.file("zhilyego-audit.csv", "text/csv; charset=UTF-8", csv);
	}

	@GetMapping("/admin/code-reveals")
	String reveals(@RequestParam(required = false) @Nullable Long actor,
			@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			Model model) {
		AuditTrail.RevealFilter filter = new AuditTrail.RevealFilter(actor, listingId, audience, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("result", this.trail.reveals(filter, Math.max(page, 0), PAGE_SIZE));
		return "admin/code-reveals";
	}

	@GetMapping("/admin/code-reveals.csv")
	ResponseEntity<byte[]> revealsCsv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Long actor,
			@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		byte[] csv = AuditCsv
			.reveals(this.trail.exportReveals(new AuditTrail.RevealFilter(actor, listingId, audience, from, to)));
		this.audit.record(user.id(), "report.exported", "code-reveals", null, java.util.Map.of("format", "csv"));
		return Downloads.file("zhilyego-code-reveals.csv", "text/csv; charset=UTF-8", csv);
	}

}
