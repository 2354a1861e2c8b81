package kz.zhilyego.booking;

import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;

/** Who changed a booking, as recorded in its timeline. */
public record Actor(Type type, @Nullable Long id) {

	public static final Actor SYSTEM = new Actor(Type.SYSTEM, null);

	public static final Actor PAYMENT = new Actor(Type.PAYMENT, null);

	/** Another booking system, through a connection (its own bookings only). */
	public static final Actor CHANNEL = new Actor(Type.CHANNEL, null);

	public enum Type {

		GUEST, REALTOR, AGENCY, PLATFORM, SYSTEM, PAYMENT, CHANNEL

	}

	public static Actor guest(long userId) {
		return new Actor(Type.GUEST, userId);
	}

	/** Staff acting through their scope: realtor, agency head or platform. */
	public static Actor staff(AccessScope scope) {
		Type type = switch (scope.kind()) {
			case PLATFORM -> Type.PLATFORM;
			case AGENCY -> Type.AGENCY;
			case REALTOR, USER -> Type.REALTOR;
		};
		return new Actor(type, scope.userId());
	}

}
