package kz.zhilyego.identity.internal;

import java.util.Optional;

import kz.zhilyego.events.CurrentActor;
import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserBlocked;
import kz.zhilyego.identity.UserRegistered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Users on the platform record (registered once; blocked and unblocked may repeat), and
 * who is acting for events that do not say: the signed-in user of this request.
 */
@Component
class IdentityPlatformEvents implements PlatformEventMapping, CurrentActor {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		return Optional.ofNullable(switch (event) {
			case UserRegistered e -> PlatformEvent
				.once("user.registered", "user", e.userId(),
						PlatformEvent.facts("roles", String.join(",", e.roles()), "agencyId", e.agencyId()))
				.by(e.createdBy() == null ? e.userId() : e.createdBy());
			case UserBlocked e ->
				PlatformEvent
					.repeatable(e.blocked() ? "user.blocked" : "user.unblocked", "user", e.userId(),
							PlatformEvent.facts("reason", e.reason()))
					.by(e.byUserId());
			default -> null;
		});
	}

	@Override
	public Optional<Long> userId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				? Optional.of(user.id()) : Optional.empty();
	}

}
