package kz.zhilyego.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders fire at their time on the test clock, once; cancelled ones never. */
@IntegrationTest
class RemindersIT {

	static final LocalDate CHECK_IN = LocalDate.of(2026, 12, 10);

	static final LocalDate CHECK_OUT = LocalDate.of(2026, 12, 13);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	@Autowired
	MutableClock clock;

	@Autowired
	NotificationTestConfig.RecordingReminderHandler handler;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.handler.reset();
	}

	static Instant at(LocalDate date, int hour) {
		return date.atTime(LocalTime.of(hour, 0)).atZone(Zones.KAZAKHSTAN).toInstant();
	}

	void scheduleStay(UUID booking) {
		this.reminders.schedule(booking, ReminderKind.BEFORE_CHECK_IN, at(CHECK_IN, 14).minus(Duration.ofHours(24)));
		this.reminders.schedule(booking, ReminderKind.CHECK_IN_DAY, at(CHECK_IN, 9));
		this.reminders.schedule(booking, ReminderKind.BEFORE_CHECK_OUT, at(CHECK_OUT, 12).minus(Duration.ofHours(24)));
	}

	@Test
	void eachReminderFiresOnceAtItsTimeAndACancelledBookingGetsNone() {
		UUID booking = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		scheduleStay(booking);
		scheduleStay(cancelled);
		assertThat(this.reminders.cancelAll(cancelled)).isEqualTo(3);

		this.clock.set(at(CHECK_IN.minusDays(1), 14).minusSeconds(1));
		assertThat(this.reminders.fireDue()).isZero();

		this.clock.set(at(CHECK_IN.minusDays(1), 14));
		assertThat(this.reminders.fireDue()).isOne();
		assertThat(this.handler.fired).containsExactly(booking + ":BEFORE_CHECK_IN");
		assertThat(this.reminders.fireDue()).as("fired once").isZero();

		this.clock.set(at(CHECK_IN, 9));
		this.reminders.fireDue();
		this.clock.set(at(CHECK_OUT.minusDays(1), 12));
		this.reminders.fireDue();
		this.clock.advance(Duration.ofDays(30));
		this.reminders.fireDue();

		assertThat(this.handler.fired).containsExactly(booking + ":BEFORE_CHECK_IN", booking + ":CHECK_IN_DAY",
				booking + ":BEFORE_CHECK_OUT");
	}

	@Test
	void reschedulingMovesAReminderInsteadOfAddingOne() {
		UUID booking = UUID.randomUUID();
		this.reminders.schedule(booking, ReminderKind.CHECK_IN_DAY, at(CHECK_IN, 9));
		this.reminders.schedule(booking, ReminderKind.CHECK_IN_DAY, at(CHECK_IN.plusDays(2), 9));

		this.clock.set(at(CHECK_IN, 10));
		assertThat(this.reminders.fireDue()).isZero();
		this.clock.set(at(CHECK_IN.plusDays(2), 9));
		assertThat(this.reminders.fireDue()).isOne();
		assertThat(this.handler.fired).containsExactly(booking + ":CHECK_IN_DAY");
	}

	@Test
	void aReminderWhoseHandlerFailsStaysPendingAndFiresOnTheNextRun() {
		UUID booking = UUID.randomUUID();
		this.reminders.schedule(booking, ReminderKind.REVIEW_REQUEST, at(CHECK_OUT, 18));
		this.clock.set(at(CHECK_OUT, 18));
		this.handler.failing = true;

		assertThat(this.reminders.fireDue()).isZero();

		this.handler.failing = false;
		assertThat(this.reminders.fireDue()).isOne();
		assertThat(this.handler.fired).containsExactly(booking + ":REVIEW_REQUEST");
	}

	@Test
	void cancellingOneKindLeavesTheOthers() {
		UUID booking = UUID.randomUUID();
		scheduleStay(booking);
		assertThat(this.reminders.cancel(booking, ReminderKind.CHECK_IN_DAY)).isTrue();

		this.clock.set(at(CHECK_OUT, 0));
		this.reminders.fireDue();

		assertThat(this.handler.fired).containsExactly(booking + ":BEFORE_CHECK_IN", booking + ":BEFORE_CHECK_OUT");
	}

}
