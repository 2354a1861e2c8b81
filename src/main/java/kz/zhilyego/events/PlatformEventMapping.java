package kz.zhilyego.events;

import java.util.Optional;

/**
 * The one thing a module implements to have its domain events recorded: a bean that turns
 * the events it publishes ({@code ApplicationEventPublisher.publishEvent}) into
 * {@link PlatformEvent}s. The recorder listens synchronously, so the row is written in
 * the publishing transaction (none for a rolled-back change). To record a new event:
 * publish it in the owning module's transaction, and return a {@link PlatformEvent} for
 * it from that module's mapping (see docs/platform.md).
 */
public interface PlatformEventMapping {

	/**
	 * The platform event for {@code event}, or empty when it is not one of this module's.
	 */
	Optional<PlatformEvent> map(Object event);

}
