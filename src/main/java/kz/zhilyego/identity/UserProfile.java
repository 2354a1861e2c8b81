package kz.zhilyego.identity;

import java.util.Set;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know about a user: contact data, language and Telegram delivery
 * state.
 *
 * @param phone E.164 phone number
 * @param agencyId the agency a realtor belongs to or a super admin heads
 * @param telegramChatId the private chat with the bot, when linked
 * @param telegramEnabled whether messages may be sent to Telegram
 */
public record UserProfile(long id, String name, String phone, @Nullable String email, Language language,
		Set<Role> roles, @Nullable Long agencyId, @Nullable Long telegramChatId, boolean telegramEnabled) {

	public UserProfile {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
