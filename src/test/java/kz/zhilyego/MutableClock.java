package kz.zhilyego;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import kz.zhilyego.common.Zones;

/** A clock tests move by hand: time passes only when a test says so. */
public final class MutableClock extends Clock {

	/** Where every test run starts: 1 December 2026, 10:00 in Astana. */
	public static final Instant START = Instant.parse("2026-12-01T05:00:00Z");

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public MutableClock() {
		this(new AtomicReference<>(START), Zones.KAZAKHSTAN);
	}

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void advance(Duration duration) {
		this.now.updateAndGet(instant -> instant.plus(duration));
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	public void reset() {
		this.now.set(START);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
