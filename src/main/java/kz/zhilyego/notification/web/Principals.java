package kz.zhilyego.notification.web;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The signed-in {@link CurrentUser}, or a 401/403 problem. */
final class Principals {

	private Principals() {
	}

	static CurrentUser require(@Nullable CurrentUser user) {
		if (user == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
		}
		return user;
	}

	static CurrentUser requireSuperuser(@Nullable CurrentUser user) {
		CurrentUser current = require(user);
		if (!current.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		return current;
	}

}
