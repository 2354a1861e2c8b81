package kz.zhilyego.identity;

import java.util.Optional;

import kz.zhilyego.identity.internal.PasswordResets;
import org.springframework.stereotype.Service;

/**
 * For the notification module while it sends a reset message: the token of a reset
 * request that is still good (not used, not replaced, not expired) and belongs to the
 * recipient; empty otherwise, and then the message goes out without a working link.
 */
@Service
public class PasswordResetLinks {

	private final PasswordResets resets;

	PasswordResetLinks(PasswordResets resets) {
		this.resets = resets;
	}

	public Optional<String> token(long resetId, long recipientUserId) {
		return this.resets.pendingToken(resetId, recipientUserId);
	}

}
