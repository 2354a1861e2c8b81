package kz.zhilyego.trust.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.trust.RealtorScores;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Realtor scores: the superuser's list and the staff's own view (docs/platform.md
 * "Scores").
 */
@RestController
@Tag(name = "Trust scores", description = "Realtor scores (the guest risk score is on the realtor's booking)")
class TrustApiController {

	private final RealtorScores scores;

	private final AccessScopes scopes;

	TrustApiController(RealtorScores scores, AccessScopes scopes) {
		this.scores = scores;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/admin/realtors")
	@Operation(summary = "Superuser: every active realtor and agency head with their score",
			description = "sort: score (best first, default), score_asc, name; minScore / maxScore 0–100")
	List<RealtorScores.Ranked> realtors(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer minScore,
			@RequestParam(required = false) @Nullable Integer maxScore) {
		var scope = this.scopes.of(user);
		if (!scope.isPlatform()) {
			throw ProblemException.forbidden("trust.superuserOnly");
		}
		return this.scores.inScope(scope, sort, minScore, maxScore);
	}

	@GetMapping("/api/v1/realtor/scores")
	@Operation(summary = "Realtor scores in scope: a realtor's own, an agency head's team",
			description = "sort and bounds as on /api/v1/admin/realtors; 403 for a user who is not staff")
	List<RealtorScores.Ranked> inScope(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer minScore,
			@RequestParam(required = false) @Nullable Integer maxScore) {
		return this.scores.inScope(this.scopes.of(user), sort, minScore, maxScore);
	}

}
