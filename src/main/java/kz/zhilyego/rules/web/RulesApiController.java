package kz.zhilyego.rules.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import kz.zhilyego.events.PlatformEvents;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.rules.RuleAdmin;
import kz.zhilyego.rules.RuleEngine;
import kz.zhilyego.rules.RuleExecution;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/rules}: the superuser's rules (JSON bodies as in
 * docs/platform.md), their executions, a dry-run against the last N events and a replay
 * of the last N.
 */
@RestController
@RequestMapping("/api/v1/admin/rules")
class RulesApiController {

	private final RuleAdmin rules;

	RulesApiController(RuleAdmin rules) {
		this.rules = rules;
	}

	@GetMapping
	@Operation(summary = "Superuser: every rule")
	List<RuleAdmin.View> list(@AuthenticationPrincipal CurrentUser user) {
		return this.rules.list(user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Superuser: create a rule (validated; 400 with field errors)")
	RuleAdmin.View create(@AuthenticationPrincipal CurrentUser user, @RequestBody String body) {
		return this.rules.create(user, body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Superuser: one rule")
	RuleAdmin.View get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.rules.get(user, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Superuser: replace a rule (validated; 400 with field errors)")
	RuleAdmin.View replace(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody String body) {
		return this.rules.replace(user, id, body);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Superuser: delete a rule (its executions stay)")
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.rules.delete(user, id);
	}

	@GetMapping("/{id}/executions")
	@Operation(summary = "Superuser: a rule's last 200 executions")
	List<RuleExecution> executions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.rules.executions(user, id);
	}

	@PostMapping("/{id}/dry-run")
	@Operation(
			summary = "Superuser: which of the last N events the rule matches and what it would do (changes nothing)")
	RuleEngine.DryRun dryRun(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String last) {
		return this.rules.dryRun(user, id, PlatformEvents.number("last", last, 200));
	}

	@PostMapping("/replay")
	@Operation(summary = "Superuser: run the rules on the last N events again (idempotent)")
	RuleEngine.Replay replay(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String last) {
		return this.rules.replay(user, PlatformEvents.number("last", last, 200));
	}

}
