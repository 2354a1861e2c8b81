package kz.zhilyego.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.internal.AgencyInvitations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitee's side of an agency invitation, signed in as the invited account: accept
 * (join the agency as a realtor) or decline. The token is the secret of the e-mailed
 * link.
 */
@RestController
@RequestMapping("/api/v1/invitations")
class InvitationApiController {

	private final AgencyInvitations invitations;

	InvitationApiController(AgencyInvitations invitations) {
		this.invitations = invitations;
	}

	record TokenRequest(@NotBlank @Size(max = 100) String token) {
	}

	record JoinedJson(long agencyId, String agencyName) {
	}

	@PostMapping("/accept")
	@Operation(summary = "Accept an agency invitation as the invited account")
	JoinedJson accept(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody TokenRequest request) {
		AgencyInvitations.Invitation joined = this.invitations.accept(user, request.token());
		return new JoinedJson(joined.agencyId(), joined.agencyName());
	}

	@PostMapping("/decline")
	@Operation(summary = "Decline an agency invitation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void decline(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody TokenRequest request) {
		this.invitations.decline(user, request.token());
	}

}
