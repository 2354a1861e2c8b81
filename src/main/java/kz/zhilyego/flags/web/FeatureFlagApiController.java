package kz.zhilyego.flags.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import kz.zhilyego.flags.FeatureFlag;
import kz.zhilyego.flags.FeatureFlagAdmin;
import kz.zhilyego.flags.FlagValues;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST|PUT|DELETE /api/v1/admin/feature-flags[/{key}]}: the superuser's flags.
 * Wrong values are a 400 problem with field errors; an existing key on create a 409; an
 * unknown key a 404.
 */
@RestController
@RequestMapping("/api/v1/admin/feature-flags")
class FeatureFlagApiController {

	private final FeatureFlagAdmin admin;

	FeatureFlagApiController(FeatureFlagAdmin admin) {
		this.admin = admin;
	}

	record FlagJson(String key, String description, boolean enabled, List<String> roles, int percentage,
			List<Long> userIds, List<Long> agencyIds, long version, @Nullable Instant updatedAt,
			@Nullable Long updatedBy) {

		static FlagJson of(FeatureFlag f) {
			return new FlagJson(f.key(), f.description(), f.enabled(),
					f.roles().stream().map(Role::name).sorted().toList(), f.percentage(), f.userIds(), f.agencyIds(),
					f.version(), f.updatedAt(), f.updatedBy());
		}

	}

	@GetMapping
	@Operation(summary = "Superuser: every feature flag, by key")
	List<FlagJson> list(@AuthenticationPrincipal CurrentUser user) {
		return this.admin.list(user).stream().map(FlagJson::of).toList();
	}

	@GetMapping("/{key}")
	@Operation(summary = "Superuser: one feature flag")
	FlagJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable String key) {
		return FlagJson.of(this.admin.get(user, key));
	}

	@PostMapping
	@Operation(
			summary = "Superuser: create a feature flag (key, description, enabled, roles, percentage, userIds, agencyIds)")
	ResponseEntity<FlagJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody FlagValues values) {
		FeatureFlag created = this.admin.create(user, values);
		return ResponseEntity.created(URI.create("/api/v1/admin/feature-flags/" + created.key()))
			.body(FlagJson.of(created));
	}

	@PutMapping("/{key}")
	@Operation(summary = "Superuser: replace a feature flag's targeting (the key stays)")
	FlagJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
			@RequestBody FlagValues values) {
		return FlagJson.of(this.admin.update(user, key, values));
	}

	@DeleteMapping("/{key}")
	@Operation(summary = "Superuser: delete a feature flag (it is off for everyone from then on)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String key) {
		this.admin.delete(user, key);
		return ResponseEntity.noContent().build();
	}

}
