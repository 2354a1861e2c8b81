package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.AgencyInvitations;
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

/**
 * A super admin's team: realtors of own agency only (others are "not found"), and
 * invitations. Nobody is added directly: {@code POST /api/v1/agency/realtors} sends an
 * invitation and answers the same whether or not the address has an account.
 */
@RestController
@RequestMapping("/api/v1/agency")
class AgencyApiController {

	private final UserAdmin admin;

	private final AgencyInvitations invitations;

	AgencyApiController(UserAdmin admin, AgencyInvitations invitations) {
		this.admin = admin;
		this.invitations = invitations;
	}

	/**
	 * @param email where the invitation goes; only the account with this e-mail can
	 * accept
	 * @param name how the head calls the person (shown in the team page's pending list)
	 * @param language of the e-mail when the address has no account yet
	 */
	record InvitationRequest(@NotBlank @Email @Size(max = 200) String email, @Nullable @Size(max = 200) String name,
			@Nullable @Pattern(regexp = "ru|kk|en") String language) {
	}

	/** The answer to an invitation: nothing about the invited person. */
	record InvitationJson(long invitationId, String status, Instant expiresAt) {
	}

	record PendingJson(long id, String email, @Nullable String name, Instant createdAt, Instant expiresAt) {
	}

	@GetMapping("/realtors")
	@Operation(summary = "Agency head: the agency's realtors")
	List<UserJson> realtors(@AuthenticationPrincipal CurrentUser head) {
		return this.admin.realtors(head).stream().map(UserJson::of).toList();
	}

	@PostMapping("/realtors")
	@Operation(summary = "Agency head: invite a realtor by e-mail (the account joins only by accepting)")
	@ResponseStatus(HttpStatus.ACCEPTED)
	InvitationJson invite(@AuthenticationPrincipal CurrentUser head, @Valid @RequestBody InvitationRequest request) {
		AgencyInvitations.Invited invited = this.invitations.invite(head, request.email(), request.name(),
				request.language() == null ? head.language() : Language.ofCode(request.language()));
		return new InvitationJson(invited.invitationId(), "PENDING", invited.expiresAt());
	}

	@GetMapping("/invitations")
	@Operation(summary = "Agency head: invitations not yet answered")
	List<PendingJson> invitations(@AuthenticationPrincipal CurrentUser head) {
		return this.invitations.pending(head)
			.stream()
			.map(p -> new PendingJson(p.id(), p.email(), p.name(), p.createdAt(), p.expiresAt()))
			.toList();
	}

	@PostMapping("/invitations/{id}/revoke")
	@Operation(summary = "Agency head: revoke an invitation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		this.invitations.revoke(head, id);
	}

	@PostMapping("/realtors/{id}/deactivate")
	@Operation(summary = "Agency head: deactivate a realtor of the agency")
	UserJson deactivate(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		return UserJson.of(this.admin.setRealtorActive(head, id, false));
	}

	@PostMapping("/realtors/{id}/activate")
	@Operation(summary = "Agency head: activate a realtor of the agency again")
	UserJson activate(@AuthenticationPrincipal CurrentUser head, @PathVariable long id) {
		return UserJson.of(this.admin.setRealtorActive(head, id, true));
	}

}
