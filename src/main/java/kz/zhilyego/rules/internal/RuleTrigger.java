package kz.zhilyego.rules.internal;

import kz.zhilyego.events.PlatformEventRecorded;
import kz.zhilyego.rules.RuleEngine;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs the rules of a recorded event after its transaction commits (Spring Modulith's
 * persisted publication: a restart delivers it again, and the execution claims make that
 * harmless). Only events of a type that an enabled rule listens to are announced
 * ({@link RuleInterest}): the others cost no publication.
 */
@Component
class RuleTrigger {

	private final RuleEngine engine;

	RuleTrigger(RuleEngine engine) {
		this.engine = engine;
	}

	@ApplicationModuleListener
	void on(PlatformEventRecorded event) {
		this.engine.execute(event.eventId(), event.type());
	}

}
