package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.HoldExpired;
import kz.zhilyego.catalog.StayQuotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns overdue holds into EXPIRED and frees their dates. The scheduled job calls
 * {@link #expireDue()}; placing a hold or a block calls {@link #expireOverdueOn(long)}
 * for the listing it has locked, so a stale hold never blocks a paying guest. Each expiry
 * is a compare-and-set on status HOLD under a row lock: a hold is expired exactly once,
 * even with several app nodes.
 */
@Service
public class ExpireHolds {

	private static final Logger log = LoggerFactory.getLogger(ExpireHolds.class);

	private final Bookings bookings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final List<HoldExpiryGuard> guards;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final StayQuotes quotes;

	ExpireHolds(Bookings bookings, Clock clock, ApplicationEventPublisher events, List<HoldExpiryGuard> guards,
			TransactionTemplate transactions, BookingProperties properties, StayQuotes quotes) {
		this.quotes = quotes;
		this.bookings = bookings;
		this.clock = clock;
		this.events = events;
		this.guards = guards;
		this.transactions = transactions;
		this.batchSize = properties.expiryBatchSize();
	}

	/**
	 * Expires every hold overdue now, batch by batch. Returns how many this call expired.
	 */
	public int expireDue() {
		int expired = 0;
		while (true) {
			List<UUID> due = this.bookings.overdueHolds(this.clock.instant(), null, this.batchSize);
			int before = expired;
			for (UUID id : due) {
				this.guards.forEach(guard -> guard.beforeExpiry(id));
				Boolean done = this.transactions.execute(status -> expireIfOverdue(id, true));
				if (Boolean.TRUE.equals(done)) {
					expired++;
				}
			}
			if (due.size() < this.batchSize || expired == before) {
				break;
			}
		}
		if (expired > 0) {
			log.info("Expired {} overdue holds", expired);
		}
		return expired;
	}

	/** Expires the overdue holds of a listing whose row the caller has locked. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void expireOverdueOn(long listingId) {
		for (UUID id : this.bookings.overdueHolds(this.clock.instant(), listingId, Integer.MAX_VALUE)) {
			expireIfOverdue(id, false);
		}
	}

	/**
	 * Expires one hold if it is still overdue. The job skips a row another transaction
	 * holds (that one is confirming, cancelling or expiring it); a caller holding the
	 * listing lock waits for it instead.
	 */
	private boolean expireIfOverdue(UUID id, boolean skipLocked) {
		Instant now = this.clock.instant();
		if (skipLocked) {
			// the job: listing first, then booking (the order of every occupancy change);
			// a listing another transaction holds is left to it (a hold or block there
			// expires the listing's overdue holds itself) or to the next run
			Long listingId = this.bookings.listingOf(id).orElse(null);
			if (listingId == null || !this.quotes.tryLock(listingId)) {
				return false;
			}
		}
		Bookings.Locked booking = (skipLocked ? this.bookings.lockUnlessLocked(id) : this.bookings.lock(id))
			.orElse(null);
		if (booking == null || booking.status() != BookingStatus.HOLD || booking.holdExpiresAt().isAfter(now)) {
			return false;
		}
		if (!this.bookings.move(id, BookingStatus.HOLD, BookingStatus.EXPIRED, now)) {
			return false;
		}
		this.bookings.release(id);
		this.bookings.recordTransition(id, now, Actor.SYSTEM, BookingStatus.HOLD, BookingStatus.EXPIRED, "hold_expired",
				null);
		this.events.publishEvent(new HoldExpired(id, booking.listingId(), booking.guestId()));
		return true;
	}

}
