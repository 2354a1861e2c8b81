package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.ApiKeys;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Own API keys (realtor, super admin, superuser): the key is in the create answer only.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyApiController {

	private final ApiKeys keys;

	ApiKeyApiController(ApiKeys keys) {
		this.keys = keys;
	}

	record CreateRequest(@NotBlank @Size(max = 100) String name) {
	}

	record Created(long id, String name, String prefix, String key) {
	}

	@PostMapping
	@Operation(summary = "Create an API key for the caller (shown once; send it as X-Api-Key)")
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateRequest request) {
		ApiKeys.CreatedKey created = this.keys.create(user, request.name());
		return new Created(created.key().id(), created.key().name(), created.key().prefix(), created.secret());
	}

	@GetMapping
	@Operation(summary = "The caller's API keys (never the secrets)")
	List<ApiKeys.ApiKeyView> list(@AuthenticationPrincipal CurrentUser user) {
		return this.keys.list(user);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of the caller's API keys")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.keys.revoke(user, id);
	}

}
