package kz.zhilyego.identity;

import java.time.Instant;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * An agency head invited someone to the agency: the notification module e-mails the link
 * {@code <site>/invitations/<token>} to {@code email}. The token is single-use, expires
 * at {@code expiresAt}, and is only good to the account with that e-mail signed in, so
 * the link alone joins no one.
 *
 * @param invitationId the invitation
 * @param email where to send the link (lower-case)
 * @param recipientUserId the account with that e-mail, if there is one (its notification
 * settings and language apply); the head is never told
 * @param language the e-mail's language
 * @param agencyName the inviting agency
 * @param inviterName the head who invited
 * @param token the secret of the link
 * @param expiresAt when the link stops working
 */
public record AgencyInvitationSent(long invitationId, String email, @Nullable Long recipientUserId, Language language,
		String agencyName, String inviterName, String token, Instant expiresAt) {
}
