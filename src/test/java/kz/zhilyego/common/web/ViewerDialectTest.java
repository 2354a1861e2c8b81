package kz.zhilyego.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerDialectTest {

	@Test
	void aSignedInViewerHasTheirRolesOnly() {
		ViewerDialect.Viewer viewer = ViewerDialect.Viewer.of(UsernamePasswordAuthenticationToken.authenticated("guest",
				null, AuthorityUtils.createAuthorityList("ROLE_REALTOR", "MFA_ENROLMENT_REQUIRED")));

		assertThat(viewer.signedIn()).isTrue();
		assertThat(viewer.hasRole("REALTOR")).isTrue();
		assertThat(viewer.hasRole("SUPERUSER")).isFalse();
		assertThat(viewer.hasRole("MFA_ENROLMENT_REQUIRED")).as("an authority that is not a role").isFalse();
		assertThat(viewer.hasAnyRole("SUPER_ADMIN", "REALTOR")).isTrue();
		assertThat(viewer.hasAnyRole("SUPER_ADMIN", "SUPERUSER")).isFalse();
	}

	@Test
	void anonymousUnauthenticatedAndNoAuthenticationAreNotSignedIn() {
		var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		var unauthenticated = UsernamePasswordAuthenticationToken.unauthenticated("guest", "secret");

		for (var authentication : new org.springframework.security.core.Authentication[] { anonymous, unauthenticated,
				null }) {
			ViewerDialect.Viewer viewer = ViewerDialect.Viewer.of(authentication);
			assertThat(viewer.signedIn()).as("%s", authentication).isFalse();
			assertThat(viewer.hasRole("ANONYMOUS")).isFalse();
		}
	}

}
