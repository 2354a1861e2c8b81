package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.BookingHeld;
import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Idempotency;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.Phones;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.settings.PlatformSettings;
import kz.zhilyego.settings.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places a hold (15 minutes unless the platform settings say otherwise): the one way any
 * channel creates a booking. Under a lock on the listing row it expires the listing's
 * overdue holds, checks the dates are free, prices the stay and inserts the booking with
 * its occupancy row. The exclusion constraint on occupancies is the guarantee; the lock
 * and the check only make the "dates taken" answer clean.
 */
@Service
public class PlaceHold {

	/** The {@link Idempotency} operation of holds. */
	public static final String OPERATION = "booking.hold";

	private final Bookings bookings;

	private final StayQuotes quotes;

	private final ExpireHolds expireHolds;

	private final Settings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Idempotency idempotency;

	PlaceHold(Bookings bookings, StayQuotes quotes, ExpireHolds expireHolds, Settings settings, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions, Idempotency idempotency) {
		this.idempotency = idempotency;
		this.bookings = bookings;
		this.quotes = quotes;
		this.expireHolds = expireHolds;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
	}

	/** The longest comment a guest may leave for the realtor. */
	public static final int MAX_COMMENT = 1000;

	/** What a guest asks for. Contact fields are already defaulted from the profile. */
	public record Request(long listingId, @Nullable LocalDate checkIn, @Nullable LocalDate checkOut, int guests,
			String guestName, String guestPhone, @Nullable String guestEmail, boolean rulesAccepted,
			@Nullable String comment) {
	}

	/**
	 * Places the hold for {@code guestId}. With an idempotency key ({@link Idempotency},
	 * operation {@value #OPERATION}), every request with the same key and the same
	 * request gets the same booking, also when they run in parallel; the key with another
	 * request is a 422.
	 */
	public BookingDetails place(Request request, long guestId, @Nullable String idempotencyKey) {
		Idempotency.Request keyed = idempotencyKey == null ? null
				: new Idempotency.Request(OPERATION, guestId, idempotencyKey, request);
		BookingDetails details = this.transactions.execute(status -> {
			if (keyed == null) {
				return hold(request, guestId);
			}
			return this.idempotency
				.run(keyed, () -> hold(request, guestId), booking -> booking.id().toString(),
						id -> this.bookings.details(UUID.fromString(id)).orElseThrow())
				.value();
		});
		if (details == null) {
			throw new IllegalStateException("Hold transaction returned nothing");
		}
		return details;
	}

	private BookingDetails hold(Request request, long guestId) {
		if (!request.rulesAccepted()) {
			throw ProblemException.invalidField("rulesAccepted", "booking.rulesAccepted.required");
		}
		if (request.guestName() == null || request.guestName().isBlank() || request.guestName().length() > 200) {
			throw ProblemException.invalidField("guestName", "booking.guestName.invalid");
		}
		if (request.comment() != null && request.comment().strip().length() > MAX_COMMENT) {
			throw ProblemException.invalidField("comment", "booking.comment.tooLong", MAX_COMMENT);
		}
		String phone = Phones.normalize(request.guestPhone())
			.orElseThrow(() -> ProblemException.invalidField("guestPhone", "booking.guestPhone.invalid"));
		Stay stay = this.quotes.validStay(request.checkIn(), request.checkOut());
		// the listing's lock and the stay's nightly prices: one round trip
		StayQuotes.LockedStay locked = this.quotes.lockForStay(request.listingId(), stay)
			.filter(l -> l.listing().active())
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", request.listingId()));
		BookableListing listing = locked.listing();
		this.quotes.checkGuests(listing, request.guests());
		// One round trip answers both "are the dates taken" and "does the listing have
		// overdue holds"; only then (rare) are they expired and the dates checked again.
		Bookings.Availability availability = this.bookings.availability(listing.id(), stay, this.clock.instant());
		boolean taken = availability.overlaps();
		if (availability.overdueHolds()) {
			this.expireHolds.expireOverdueOn(listing.id());
			taken = this.bookings.overlaps(listing.id(), stay);
		}
		if (taken) {
			throw ProblemException.conflict("dates-unavailable", "booking.datesUnavailable");
		}
		Quote quote = locked.quote(stay);
		// the rules in force now, kept by the booking for good: a later settings change
		// does not touch it
		PlatformSettings rules = this.settings.fresh();
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		Money total = quote.total();
		// booking, occupancy (the exclusion constraint's check), first transition and the
		// details to answer with: one statement
		BookingDetails details = this.bookings.insertHold(new Bookings.NewBooking(id, listing.id(), listing.ownerId(),
				guestId, stay, request.guests(), request.guestName().strip(), phone, blankToNull(request.guestEmail()),
				blankToNull(request.comment()), quote, rules.platformCommissionPercent(),
				total.percent(rules.platformCommissionPercent()), rules.providerFeePercent(),
				total.percent(rules.providerFeePercent()), CancellationPolicy.of(rules), now,
				now.plus(rules.holdDuration())), Actor.guest(guestId));
		this.events.publishEvent(new BookingHeld(id, listing.id(), guestId, stay.checkIn(), stay.checkOut(),
				now.plus(rules.holdDuration())));
		return details;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
