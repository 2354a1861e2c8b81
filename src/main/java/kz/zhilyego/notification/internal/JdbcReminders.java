package kz.zhilyego.notification.internal;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.notification.ReminderHandler;
import kz.zhilyego.notification.ReminderKind;
import kz.zhilyego.notification.Reminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification_reminders} table. Firing locks one due reminder with SKIP
 * LOCKED, marks it FIRED and calls the handler in the same transaction, so two nodes
 * never fire the same reminder and a failing handler leaves it pending for the next run.
 */
@Service
class JdbcReminders implements Reminders {

	private static final Logger log = LoggerFactory.getLogger(JdbcReminders.class);

	private static final int MAX_PER_RUN = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ObjectProvider<ReminderHandler> handlers;

	JdbcReminders(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager,
			ObjectProvider<ReminderHandler> handlers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.handlers = handlers;
	}

	@Override
	@Transactional
	public void schedule(UUID bookingId, ReminderKind kind, Instant dueAt) {
		OffsetDateTime now = Instants.utc(this.clock.instant());
		this.jdbc.sql("""
				insert into notification_reminders (booking_id, kind, due_at, status, created_at, updated_at)
				values (:bookingId, :kind, :dueAt, 'PENDING', :now, :now)
				on conflict (booking_id, kind) do update
				set due_at = excluded.due_at, status = 'PENDING', fired_at = null, updated_at = excluded.updated_at
				""")
			.param("bookingId", bookingId)
			.param("kind", kind.name())
			.param("dueAt", Instants.utc(dueAt))
			.param("now", now)
			.update();
	}

	@Override
	@Transactional
	public int cancelAll(UUID bookingId) {
		return this.jdbc.sql("""
				update notification_reminders set status = 'CANCELLED', updated_at = :now
				where booking_id = :bookingId and status = 'PENDING'
				""").param("now", Instants.utc(this.clock.instant())).param("bookingId", bookingId).update();
	}

	@Override
	@Transactional
	public boolean cancel(UUID bookingId, ReminderKind kind) {
		return this.jdbc.sql("""
				update notification_reminders set status = 'CANCELLED', updated_at = :now
				where booking_id = :bookingId and kind = :kind and status = 'PENDING'
				""")
			.param("now", Instants.utc(this.clock.instant()))
			.param("bookingId", bookingId)
			.param("kind", kind.name())
			.update() == 1;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Scheduled> ofBooking(UUID bookingId) {
		return this.jdbc.sql("""
				select kind, due_at, status, fired_at, updated_at from notification_reminders
				where booking_id = :bookingId
				order by due_at, id
				""")
			.param("bookingId", bookingId)
			.query((rs, row) -> new Scheduled(ReminderKind.valueOf(rs.getString("kind")),
					rs.getTimestamp("due_at").toInstant(), rs.getString("status"),
					rs.getTimestamp("fired_at") == null ? null : rs.getTimestamp("fired_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	@Override
	public int fireDue() {
		List<ReminderHandler> handlers = this.handlers.orderedStream().toList();
		if (handlers.isEmpty()) {
			log.debug("No ReminderHandler: due reminders stay pending");
			return 0;
		}
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				select id from notification_reminders
				where status = 'PENDING' and due_at <= :now
				order by due_at, id
				limit :limit
				""").param("now", Instants.utc(now)).param("limit", MAX_PER_RUN).query(Long.class).list();
		int fired = 0;
		for (long id : due) {
			try {
				Boolean done = this.transactions.execute(status -> fire(id, now, handlers));
				if (Boolean.TRUE.equals(done)) {
					fired++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Reminder #{} failed and stays pending: {}", id, ex.getClass().getName());
			}
		}
		return fired;
	}

	private boolean fire(long id, Instant now, List<ReminderHandler> handlers) {
		Optional<Due> reminder = this.jdbc.sql("""
				select booking_id, kind from notification_reminders
				where id = :id and status = 'PENDING' and due_at <= :now
				for update skip locked
				""")
			.param("id", id)
			.param("now", Instants.utc(now))
			.query((rs, row) -> new Due(rs.getObject("booking_id", UUID.class),
					ReminderKind.valueOf(rs.getString("kind"))))
			.optional();
		if (reminder.isEmpty()) {
			return false;
		}
		this.jdbc.sql("""
				update notification_reminders set status = 'FIRED', fired_at = :now, updated_at = :now
				where id = :id
				""").param("now", Instants.utc(now)).param("id", id).update();
		handlers.forEach(handler -> handler.fire(reminder.get().bookingId(), reminder.get().kind()));
		return true;
	}

	private record Due(UUID bookingId, ReminderKind kind) {
	}

}
