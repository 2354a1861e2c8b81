package kz.zhilyego.identity;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security observes nothing (no decorator around every filter, authentication and
 * authorization decision of a request), while the request metrics stay.
 */
@IntegrationTest
class SecurityObservationsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	FilterChainProxy filterChainProxy;

	@Autowired
	MeterRegistry meters;

	@Test
	void theFilterChainIsNotWrappedInObservationsAndRequestsAreStillMeasured() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		String bearer = identity.bearer(identity.user("observed@test.kz"));

		Api.Response me = new Api(this.port).get("/api/v1/me", "Authorization", bearer);

		assertThat(me.status()).isEqualTo(200);
		assertThat(ReflectionTestUtils.getField(this.filterChainProxy, "filterChainDecorator"))
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
		// (the meter of this very URI may be capped by the tag limit after other tests)
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
	}

}
