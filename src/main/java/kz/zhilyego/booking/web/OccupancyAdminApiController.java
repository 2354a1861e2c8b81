package kz.zhilyego.booking.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.catalog.OccupiedNights;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Superuser: the consistency check between the occupancy relation (the truth, guarded by
 * its exclusion constraint) and the occupied-nights bitmaps search filters on, and the
 * repair that rebuilds the bitmaps.
 */
@RestController
@RequestMapping("/api/v1/admin/occupancy")
@Tag(name = "Admin: occupancy", description = "Search's availability bitmaps against the occupancy relation")
class OccupancyAdminApiController {

	private final OccupiedNights nights;

	private final AuditLog audit;

	OccupancyAdminApiController(OccupiedNights nights, AuditLog audit) {
		this.nights = nights;
		this.audit = audit;
	}

	@GetMapping("/check")
	@Operation(summary = "Compare every listing's occupied-nights bitmap with its occupancies (superuser)")
	OccupiedNights.Report check(@AuthenticationPrincipal @Nullable CurrentUser user) {
		requireSuperuser(user);
		return this.nights.check();
	}

	@PostMapping("/repair")
	@Operation(summary = "Rebuild every occupied-nights bitmap from the occupancies (superuser)")
	Map<String, Long> repair(@AuthenticationPrincipal @Nullable CurrentUser user) {
		CurrentUser superuser = requireSuperuser(user);
		long changed = this.nights.repair();
		this.audit.record(superuser.id(), "occupancy.bitmaps.rebuilt", null, null, Map.of("changed", changed));
		return Map.of("changed", changed);
	}

	private static CurrentUser requireSuperuser(@Nullable CurrentUser user) {
		if (user == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
		}
		if (!user.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		return user;
	}

}
