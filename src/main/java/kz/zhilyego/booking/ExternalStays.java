package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingEvents.BookingMoved;
import kz.zhilyego.booking.BookingEvents.StayCompleted;
import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings another booking system made (a booking service or channel manager sending
 * webhooks through a connection): the same bookings, occupying their nights through the
 * same occupancy relation and exclusion constraint, under the same listing lock as a
 * hold. They are CONFIRMED at once (paid elsewhere, no price here), carry their
 * {@code source} ({@code connection:<id>}) and the sender's own id, and publish the same
 * events as ours ({@link BookingConfirmed}, {@link BookingCancelled},
 * {@link StayCompleted}) plus {@link BookingMoved} when their dates change — so
 * reminders, staff news and feedback treat them like any stay. Nobody checks such a guest
 * in here: {@link #completeEnded()} completes the stay once its check-out time has come.
 * <p>
 * A stay that overlaps anything already occupying the listing is not written: the answer
 * is a {@link Outcome.Conflict} naming what is in the way.
 */
@Service
public class ExternalStays {

	private static final Logger log = LoggerFactory.getLogger(ExternalStays.class);

	/** Longest external stay accepted (a year; longer is not a stay). */
	public static final int MAX_NIGHTS = 366;

	private static final int BATCH = 200;

	private final Bookings bookings;

	private final StayQuotes quotes;

	private final ExpireHolds expireHolds;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	ExternalStays(Bookings bookings, StayQuotes quotes, ExpireHolds expireHolds, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.bookings = bookings;
		this.quotes = quotes;
		this.expireHolds = expireHolds;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
	}

	/** The guest as the sender named them, with the account they were matched to. */
	public record Guest(long userId, String name, String phone, @Nullable String email) {
	}

	/**
	 * A booking as its sender has it now.
	 *
	 * @param source {@code connection:<id>}
	 * @param reference the sender's own id of the booking
	 */
	public record Request(String source, String reference, long listingId, Stay stay, int guests, Guest guest) {
	}

	/** Something that already occupies some of the nights asked for. */
	public record Occupied(String kind, @Nullable UUID bookingId, @Nullable String source, LocalDate from,
			LocalDate to) {
	}

	/** What became of a request. */
	public sealed interface Outcome {

		/** A new booking. */
		record Recorded(BookingDetails booking) implements Outcome {
		}

		/** The booking's dates changed. */
		record Moved(BookingDetails booking) implements Outcome {
		}

		/** It was so already. */
		record Unchanged(BookingDetails booking) implements Outcome {
		}

		/** The nights are taken: nothing was written. */
		record Conflict(List<Occupied> occupied) implements Outcome {

			public Conflict {
				occupied = List.copyOf(occupied);
			}

		}

		/** The booking was cancelled (here or before). */
		record Cancelled(BookingDetails booking) implements Outcome {
		}

	}

	/**
	 * Records the booking, or moves it when the sender's booking exists already (same
	 * source and reference). Joins the caller's transaction.
	 * @throws ProblemException 400 for a stay longer than {@value #MAX_NIGHTS} nights or
	 * one that ended already, 404 for an unknown listing, 409 when the booking was
	 * cancelled here, has started (moving the check-in of a checked-in stay) or belongs
	 * to another listing
	 */
	@Transactional
	public Outcome apply(Request request) {
		checkStay(request.stay());
		UUID existing = this.bookings.externalBooking(request.source(), request.reference()).orElse(null);
		if (existing != null) {
			return move(existing, request.listingId(), request.stay());
		}
		BookableListing listing = this.quotes.lockForBooking(request.listingId())
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", request.listingId()));
		this.expireHolds.expireOverdueOn(listing.id());
		List<Occupied> occupied = occupied(listing.id(), request.stay(), null);
		if (!occupied.isEmpty()) {
			return new Outcome.Conflict(occupied);
		}
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		Guest guest = request.guest();
		this.bookings.insertExternal(
				new Bookings.NewExternal(id, listing.id(), listing.ownerId(), guest.userId(), request.stay(),
						Math.max(1, Math.min(100, request.guests())), guest.name(), guest.phone(), guest.email(),
						listing.pricing().nightlyPrice().currency(), request.source(), request.reference(), now));
		this.events.publishEvent(new BookingConfirmed(id, listing.id(), guest.userId(), listing.ownerId(),
				request.stay().checkIn(), request.stay().checkOut()));
		return new Outcome.Recorded(this.bookings.details(id).orElseThrow());
	}

	private Outcome move(UUID bookingId, long listingId, Stay stay) {
		long bookedListing = this.bookings.listingOf(bookingId).orElseThrow();
		if (bookedListing != listingId) {
			throw ProblemException.conflict("external-listing-changed", "channel.webhook.listingChanged");
		}
		this.quotes.lockForBooking(listingId);
		Bookings.Locked booking = this.bookings.lock(bookingId).orElseThrow();
		if (booking.status() == BookingStatus.CANCELLED) {
			return new Outcome.Cancelled(this.bookings.details(bookingId).orElseThrow());
		}
		if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
			throw ProblemException.conflict("illegal-transition", "booking.illegalTransition", booking.status().name(),
					booking.status().name());
		}
		if (booking.stay().equals(stay)) {
			return new Outcome.Unchanged(this.bookings.details(bookingId).orElseThrow());
		}
		if (booking.status() == BookingStatus.CHECKED_IN && !booking.stay().checkIn().equals(stay.checkIn())) {
			throw ProblemException.conflict("illegal-transition", "channel.webhook.alreadyStarted");
		}
		this.expireHolds.expireOverdueOn(listingId);
		List<Occupied> occupied = occupied(listingId, stay, bookingId);
		if (!occupied.isEmpty()) {
			return new Outcome.Conflict(occupied);
		}
		this.bookings.moveDates(bookingId, stay);
		Instant now = this.clock.instant();
		this.bookings.recordTransition(bookingId, now, Actor.CHANNEL, booking.status(), booking.status(),
				"dates_changed", booking.stay().checkIn() + "–" + booking.stay().checkOut() + " → " + stay.checkIn()
						+ "–" + stay.checkOut());
		this.events.publishEvent(new BookingMoved(bookingId, listingId, booking.guestId(), booking.ownerId(),
				booking.stay().checkIn(), booking.stay().checkOut(), stay.checkIn(), stay.checkOut()));
		return new Outcome.Moved(this.bookings.details(bookingId).orElseThrow());
	}

	/**
	 * Cancels the sender's booking: its nights are free at once; a cancelled booking
	 * stays cancelled (a repeat changes nothing). No refund here (it was paid elsewhere).
	 * @throws ProblemException 404 for a booking that is not external, 409 for a stay
	 * that has started or ended
	 */
	@Transactional
	public Outcome cancel(UUID bookingId, @Nullable String note) {
		Bookings.Locked booking = this.bookings.lock(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		String source = this.bookings.sourceOf(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		if (booking.status() == BookingStatus.CANCELLED) {
			return new Outcome.Cancelled(this.bookings.details(bookingId).orElseThrow());
		}
		BookingLifecycle.check(booking.status(), BookingStatus.CANCELLED);
		Instant now = this.clock.instant();
		if (!this.bookings.cancel(bookingId, booking.status(), now, Actor.Type.CHANNEL, "EXTERNAL", note,
				java.math.BigDecimal.ZERO, kz.zhilyego.common.Money.zero(booking.total().currency()))) {
			throw new IllegalStateException("Booking changed under its row lock: " + bookingId);
		}
		this.bookings.release(bookingId);
		this.bookings.recordTransition(bookingId, now, Actor.CHANNEL, booking.status(), BookingStatus.CANCELLED,
				"EXTERNAL", note);
		this.events.publishEvent(new BookingCancelled(bookingId, booking.listingId(), booking.guestId(),
				booking.ownerId(), booking.stay().checkIn(), booking.stay().checkOut(), Actor.Type.CHANNEL.name(),
				"EXTERNAL", java.math.BigDecimal.ZERO, booking.total().currency()));
		log.info("External booking {} ({}) cancelled by its sender", bookingId, source);
		return new Outcome.Cancelled(this.bookings.details(bookingId).orElseThrow());
	}

	/**
	 * Completes external stays whose check-out time has come (CONFIRMED → CHECKED_IN →
	 * COMPLETED, by the system), each in its own transaction; the recurring job calls it.
	 * Each publishes {@link StayCompleted}, which asks the guest for feedback. Returns
	 * how many it completed.
	 */
	public int completeEnded() {
		LocalDateTime now = LocalDateTime.now(this.clock.withZone(Zones.KAZAKHSTAN));
		int completed = 0;
		for (UUID id : this.bookings.externalStaysEndingBy(now.toLocalDate(), BATCH)) {
			Boolean done = this.transactions.execute(status -> complete(id, now));
			if (Boolean.TRUE.equals(done)) {
				completed++;
			}
		}
		if (completed > 0) {
			log.info("Completed {} ended external stays", completed);
		}
		return completed;
	}

	private boolean complete(UUID id, LocalDateTime now) {
		Bookings.Locked booking = this.bookings.lockUnlessLocked(id).orElse(null);
		if (booking == null) {
			return false;
		}
		BookingDetails details = this.bookings.details(id).orElseThrow();
		if (details.source() == null || now.isBefore(details.checkOut().atTime(details.checkOutTime()))) {
			return false;
		}
		Instant at = this.clock.instant();
		BookingStatus status = booking.status();
		if (status == BookingStatus.CONFIRMED) {
			if (!this.bookings.move(id, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, at)) {
				return false;
			}
			this.bookings.recordTransition(id, at, Actor.SYSTEM, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
					"external_stay", null);
			status = BookingStatus.CHECKED_IN;
		}
		if (status != BookingStatus.CHECKED_IN
				|| !this.bookings.move(id, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, at)) {
			return false;
		}
		this.bookings.recordTransition(id, at, Actor.SYSTEM, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED,
				"external_stay_ended", null);
		this.events.publishEvent(new StayCompleted(id, booking.listingId(), booking.guestId(), booking.ownerId()));
		return true;
	}

	private List<Occupied> occupied(long listingId, Stay stay, @Nullable UUID except) {
		return this.bookings.occupants(listingId, stay, except)
			.stream()
			.map(o -> new Occupied(o.kind(), o.bookingId(), o.source(), o.from(), o.to()))
			.toList();
	}

	private void checkStay(Stay stay) {
		if (stay.nights() > MAX_NIGHTS) {
			throw ProblemException.invalidField("checkOut", "stay.tooLong", MAX_NIGHTS);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		if (!stay.checkOut().isAfter(today)) {
			throw ProblemException.invalidField("checkOut", "channel.webhook.stayEnded");
		}
		this.quotes.checkHorizon(stay.checkIn(), "checkIn");
	}

}
