package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.internal.UserAdmin;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Superuser governance (the security chain admits SUPERUSER only). */
@RestController
@RequestMapping("/api/v1/admin")
@Validated
class AdminApiController {

	private final UserAdmin admin;

	AdminApiController(UserAdmin admin) {
		this.admin = admin;
	}

	record RolesRequest(@NotNull @Size(min = 1, max = 4) Set<Role> roles) {
	}

	record AgencyRequest(@NotBlank @Size(min = 2, max = 200) String name) {
	}

	record HeadRequest(@NotNull Long userId) {
	}

	@GetMapping("/users")
	@Operation(summary = "Superuser: find users by name, phone or e-mail (paged)")
	PageResult<UserJson> users(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PageResult<kz.zhilyego.identity.internal.UserRecord> result = this.admin.search(q, role, page, size);
		return new PageResult<>(result.total(), result.page(), result.size(),
				result.items().stream().map(UserJson::of).toList());
	}

	@GetMapping("/users/{id}")
	@Operation(summary = "Superuser: one user")
	UserJson user(@PathVariable long id) {
		return UserJson.of(this.admin.user(id));
	}

	@PutMapping("/users/{id}/roles")
	@Operation(summary = "Superuser: set a user's roles (audited)")
	UserJson roles(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody RolesRequest request) {
		return UserJson.of(this.admin.setRoles(actor, id, request.roles()));
	}

	@PostMapping("/users/{id}/block")
	@Operation(summary = "Superuser: block a user; their tokens and API keys stop working")
	UserJson block(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
		return UserJson.of(this.admin.setBlocked(actor, id, true));
	}

	@PostMapping("/users/{id}/unblock")
	@Operation(summary = "Superuser: unblock a user")
	UserJson unblock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
		return UserJson.of(this.admin.setBlocked(actor, id, false));
	}

	@GetMapping("/agencies")
	@Operation(summary = "Superuser: every agency")
	List<UserAdmin.Agency> agencies() {
		return this.admin.agencies();
	}

	@PostMapping("/agencies")
	@Operation(summary = "Superuser: create an agency")
	@ResponseStatus(HttpStatus.CREATED)
	UserAdmin.Agency createAgency(@AuthenticationPrincipal CurrentUser actor,
			@Valid @RequestBody AgencyRequest request) {
		return this.admin.createAgency(actor, request.name());
	}

	@PutMapping("/agencies/{id}/head")
	@Operation(summary = "Superuser: make a user the head of an agency")
	UserAdmin.Agency assignHead(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody HeadRequest request) {
		return this.admin.assignHead(actor, id, request.userId());
	}

	@GetMapping("/audit")
	@Operation(summary = "Superuser: the audit log, newest first (paged)")
	PageResult<UserAdmin.AuditEntry> audit(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable Long actorId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.admin.audit(action, actorId, page, size);
	}

	@GetMapping("/code-reveals")
	@Operation(summary = "Superuser: who revealed which access codes, when and through which channel (paged)")
	PageResult<UserAdmin.Reveal> reveals(@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.admin.reveals(listingId, page, size);
	}

}
