package kz.zhilyego.demo;

import kz.zhilyego.flags.FeatureFlagAdmin;
import kz.zhilyego.flags.FeatureFlags;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo turns on what ships behind flags, so every feature can be tried: the booking
 * chat, at every start in the dev profile (a superuser who turned it off finds it on
 * again after a restart).
 */
@Component
@Profile("dev")
class DemoFlags implements ApplicationRunner {

	private final FeatureFlagAdmin flags;

	DemoFlags(FeatureFlagAdmin flags) {
		this.flags = flags;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.flags.enableForEveryone(FeatureFlags.BOOKING_CHAT, "Чат гостя и риелтора по бронированию (issue 18)");
	}

}
