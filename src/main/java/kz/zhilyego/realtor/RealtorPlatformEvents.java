package kz.zhilyego.realtor;

import java.util.Optional;

import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import org.springframework.stereotype.Component;

/**
 * Listings on the platform record: created, changed (keyed by the history row) and
 * moderated (keyed by the decision's time).
 */
@Component
class RealtorPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		return Optional.ofNullable(switch (event) {
			case ListingChanged e -> new PlatformEvent(
					("CREATED".equals(e.action()) ? "listing.created:" : "listing.changed:") + e.changeId(),
					"CREATED".equals(e.action()) ? "listing.created" : "listing.changed", e.actorId(), "listing",
					String.valueOf(e.listingId()),
					PlatformEvent.facts("action", e.action(), "fields", String.join(",", e.fields())), false);
			case ListingModerated e -> PlatformEvent
				.once("listing.moderated", "listing", e.listingId(),
						PlatformEvent.facts("ownerId", e.ownerId(), "outcome", e.outcome(), "reason", e.reason()))
				.keyedBy(e.decidedAt());
			default -> null;
		});
	}

}
