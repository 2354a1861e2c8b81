package kz.zhilyego.events;

import java.util.Optional;

/**
 * Who is acting in this thread (the signed-in user of the request), for events that do
 * not say; implemented by the identity module. Empty for jobs, webhooks and the system.
 */
public interface CurrentActor {

	Optional<Long> userId();

}
