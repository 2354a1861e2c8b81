package kz.zhilyego;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every integration test starts at {@link MutableClock#START}, whatever the test before
 * it did with the shared clock.
 */
class ResetClockExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
	}

}
