package kz.zhilyego.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.settings.PlatformSettings;
import kz.zhilyego.settings.Settings;
import kz.zhilyego.settings.SettingsValues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superuser changes the platform settings: checked, written and audited
 * ({@code settings.changed} with every changed field's old and new value) in one
 * transaction. A change applies to what happens after it: a booking keeps the commission,
 * fee, hold and cancellation policy it was made under.
 */
@Service
public class SettingsAdmin {

	private final Settings settings;

	private final AuditLog audit;

	SettingsAdmin(Settings settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
	}

	/** The settings in force and the property defaults behind them. */
	public record View(PlatformSettings settings, PlatformSettings defaults) {
	}

	@Transactional(readOnly = true)
	public View view(CurrentUser user) {
		requireSuperuser(user);
		return new View(this.settings.fresh(), this.settings.defaults());
	}

	@Transactional
	public PlatformSettings update(CurrentUser user, SettingsValues values, @Nullable Long expectedVersion) {
		requireSuperuser(user);
		Settings.Change change = this.settings.update(values, user.id(), expectedVersion);
		if (!change.changed().isEmpty()) {
			Map<String, Object> details = new LinkedHashMap<>();
			change.changed()
				.forEach((field, pair) -> details.put(field,
						Map.of("old", text(pair.get(0)), "new", text(pair.get(1)))));
			this.audit.record(user.id(), "settings.changed", "settings", "platform", details);
		}
		return change.after();
	}

	private static String text(Object value) {
		return value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
				: String.valueOf(value);
	}

	static void requireSuperuser(CurrentUser user) {
		if (!user.has(Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
	}

}
