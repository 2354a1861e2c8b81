package kz.zhilyego.common;

import java.time.ZoneId;

/**
 * Time zones. Kazakhstan uses one zone (UTC+5) everywhere since March 2024; we always go
 * through tzdata ({@code Asia/Almaty}) and never hard-code an offset, so a future change
 * is a tzdata update, not a code change.
 */
public final class Zones {

	public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

	private Zones() {
	}

}
