package kz.zhilyego.events.internal;

import java.util.List;
import java.util.Optional;

import kz.zhilyego.events.CurrentActor;
import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import kz.zhilyego.events.PlatformEventRecorded;
import kz.zhilyego.events.PlatformEvents;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to every published event synchronously, in the publisher's transaction, and
 * stores what a module's {@link PlatformEventMapping} makes of it: the row commits or
 * rolls back with the change. Spring's own events are skipped.
 */
@Component
class EventRecorder {

	private final List<PlatformEventMapping> mappings;

	private final PlatformEvents events;

	private final Optional<CurrentActor> actor;

	EventRecorder(List<PlatformEventMapping> mappings, PlatformEvents events, Optional<CurrentActor> actor) {
		this.mappings = List.copyOf(mappings);
		this.events = events;
		this.actor = actor;
	}

	@EventListener
	void on(Object event) {
		if (event instanceof ApplicationEvent || event instanceof PlatformEventRecorded) {
			return;
		}
		for (PlatformEventMapping mapping : this.mappings) {
			Optional<PlatformEvent> mapped = mapping.map(event);
			if (mapped.isPresent()) {
				PlatformEvent platformEvent = mapped.get();
				if (platformEvent.actorId() == null) {
					platformEvent = platformEvent.by(this.actor.flatMap(CurrentActor::userId).orElse(null));
				}
				this.events.record(platformEvent);
				return;
			}
		}
	}

}
