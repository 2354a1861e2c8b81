package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import kz.zhilyego.admin.ProblemDesk;
import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problems page as an API: every source's open entries, and {@code POST
 * /{source}/{key}/{action}} with an optional {@code {"note": "…"}}.
 */
@RestController
@RequestMapping("/api/v1/admin/problems")
class ProblemsApiController {

	private final ProblemDesk problems;

	ProblemsApiController(ProblemDesk problems) {
		this.problems = problems;
	}

	record NoteRequest(@Nullable String note) {
	}

	@GetMapping
	@Operation(summary = "Superuser: everything that needs a person, by source")
	List<ProblemDesk.Section> open(@AuthenticationPrincipal CurrentUser user) {
		return this.problems.open(user);
	}

	@PostMapping("/{source}/{key}/{action}")
	@Operation(summary = "Superuser: resolve a problem entry with one of its actions (audited)")

	AttentionSource.Outcome act(@AuthenticationPrincipal CurrentUser user, @PathVariable String source,
			@PathVariable String key, @PathVariable String action,
			@RequestBody(required = false) @Nullable NoteRequest request) {
		return this.problems.act(user, source, key, action, request == null ? null : request.note());
	}

}
