package kz.zhilyego.notification.web;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's switches as a kind × channel matrix:
 * {@code {"BOOKING_CONFIRMED_GUEST": {"EMAIL": true, "TELEGRAM": false, ...}, ...}}. PUT
 * accepts any subset and answers the full matrix.
 */
@RestController
@RequestMapping("/api/v1/me/notification-settings")
@Tag(name = "Notifications")
class NotificationSettingsApiController {

	private final NotificationSettings settings;

	NotificationSettingsApiController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	@Operation(summary = "Every kind × channel switch (on unless turned off)")
	Map<NotificationKind, Map<Channel, Boolean>> get(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return this.settings.matrix(Principals.require(user).id());
	}

	@PutMapping
	@Operation(summary = "Change switches; answers the full matrix")
	Map<NotificationKind, Map<Channel, Boolean>> put(@AuthenticationPrincipal @Nullable CurrentUser user,
			@RequestBody Map<String, Map<String, Boolean>> body) {
		long userId = Principals.require(user).id();
		return this.settings.update(userId, parse(body));
	}

	static Map<NotificationKind, Map<Channel, Boolean>> parse(Map<String, Map<String, Boolean>> body) {
		Map<NotificationKind, Map<Channel, Boolean>> changes = new EnumMap<>(NotificationKind.class);
		body.forEach((kindName, channels) -> {
			NotificationKind kind = parse(NotificationKind.class, kindName, kindName,
					"notification.settings.unknownKind");
			Map<Channel, Boolean> switches = new EnumMap<>(Channel.class);
			if (channels != null) {
				channels.forEach((channelName, enabled) -> {
					Channel channel = parse(Channel.class, channelName, kindName + "." + channelName,
							"notification.settings.unknownChannel");
					if (enabled == null) {
						throw ProblemException.invalidField(kindName + "." + channelName, "NotNull");
					}
					switches.put(channel, enabled);
				});
			}
			changes.put(kind, switches);
		});
		return changes;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String field, String messageKey) {
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalidField(field, messageKey);
		}
	}

}
