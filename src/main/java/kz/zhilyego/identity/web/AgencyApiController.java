package kz.zhilyego.identity.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.UserAdmin;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A super admin's team: realtors of own agency only (others are "not found"). */
@RestController
@RequestMapping("/api/v1/agency/realtors")
class AgencyApiController {

	private final UserAdmin admin;

	AgencyApiController(UserAdmin admin) {
		this.admin = admin;
	}

	record RealtorRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String phone,
			@Nullable @Email @Size(max = 200) String email, @Nullable @Size(min = 8, max = 200) String password,
			@Nullable @Pattern(regexp = "ru|kk|en") String language) {
	}

	@GetMapping
	List<UserJson> realtors(@AuthenticationPrincipal CurrentUser head) {
		return this.admin.realtors(head).stream().map(UserJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserJson add(@AuthenticationPrincipal CurrentUser head, @Valid @RequestBody RealtorRequest request) {
		return UserJson.of(this.admin.addRealtor(head, request.name(), request.phone(), request.email(),
				request.password(), request.language() == null ? Language.RU : Language.ofCode(request.language())));
	}

	@PostMapping("/{id}/deactivate")
	UserJson deactivate(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		return UserJson.of(this.admin.setRealtorActive(head, id, false));
	}

	@PostMapping("/{id}/activate")
	UserJson activate(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		return UserJson.of(this.admin.setRealtorActive(head, id, true));
	}

}
