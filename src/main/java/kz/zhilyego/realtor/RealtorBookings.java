package kz.zhilyego.realtor;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.MarkStay;
import kz.zhilyego.booking.StaffBookingFilter;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of the listings in the caller's scope, through the booking module's services:
 * list with filters, details with guest contacts, cancel with a reason (a staff
 * cancellation refunds in full; the payment module executes it on
 * {@code BookingCancelled}), check-in and check-out.
 */
@Service
public class RealtorBookings {

	private final StaffScopes scopes;

	private final BookingQueries queries;

	private final CancelBooking cancelBooking;

	private final MarkStay markStay;

	private final AuditLog audit;

	private final RealtorProperties properties;

	RealtorBookings(StaffScopes scopes, BookingQueries queries, CancelBooking cancelBooking, MarkStay markStay,
			AuditLog audit, RealtorProperties properties) {
		this.scopes = scopes;
		this.queries = queries;
		this.cancelBooking = cancelBooking;
		this.markStay = markStay;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public PageResult<BookingDetails> list(CurrentUser user, Set<BookingStatus> statuses, @Nullable Long listingId,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer page, @Nullable Integer size) {
		return list(user, statuses, listingId, null, from, to, page, size);
	}

	/**
	 * Same, for the listings of one owner in scope ({@code realtorId}; outside the scope
	 * a 404).
	 */
	@Transactional(readOnly = true)
	public PageResult<BookingDetails> list(CurrentUser user, Set<BookingStatus> statuses, @Nullable Long listingId,
			@Nullable Long realtorId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer page,
			@Nullable Integer size) {
		return list(user, statuses, listingId, realtorId, from, to, null, null, page, size);
	}

	/**
	 * Same, with a text ({@code q}: part of the listing's title or address, the guest's
	 * name or phone, or the booking number) and an order ({@code sort}: upcoming — the
	 * default —, check_in, check_in_desc, created_desc; another is a 400).
	 */
	@Transactional(readOnly = true)
	public PageResult<BookingDetails> list(CurrentUser user, Set<BookingStatus> statuses, @Nullable Long listingId,
			@Nullable Long realtorId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q,
			@Nullable String sort, @Nullable Integer page, @Nullable Integer size) {
		AccessScope scope = this.scopes.narrow(this.scopes.of(user), realtorId);
		RealtorProperties.Paging paging = this.properties.paging(page, size);
		if (from != null && to != null && to.isBefore(from)) {
			throw ProblemException.invalidField("to", "realtor.range.order");
		}
		if (q != null && q.length() > MAX_QUERY) {
			throw ProblemException.invalidField("q", "realtor.search.tooLong", MAX_QUERY);
		}
		if (listingId != null) {
			this.scopes.ownerInScope(listingId, scope);
		}
		return this.queries.ofListingsInScope(scope,
				new StaffBookingFilter(statuses, listingId, from, to, q, sort(sort), paging.page(), paging.size()));
	}

	/** The longest search text. */
	static final int MAX_QUERY = 100;

	static StaffBookingFilter.Sort sort(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return StaffBookingFilter.Sort.UPCOMING;
		}
		return switch (sort) {
			case "upcoming" -> StaffBookingFilter.Sort.UPCOMING;
			case "check_in" -> StaffBookingFilter.Sort.CHECK_IN;
			case "check_in_desc" -> StaffBookingFilter.Sort.CHECK_IN_DESC;
			case "created_desc" -> StaffBookingFilter.Sort.CREATED_DESC;
			default -> throw ProblemException.invalidField("sort", "realtor.sort.unknown");
		};
	}

	/**
	 * A booking of a listing in scope (a booking the caller only made as a guest is a 404
	 * here).
	 */
	@Transactional(readOnly = true)
	public BookingDetails get(UUID id, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		BookingDetails booking = this.queries.find(id).orElse(null);
		if (booking == null || !scope.coversListingOwner(booking.ownerId())) {
			throw ProblemException.notFound("booking.notFound");
		}
		return booking;
	}

	@Transactional
	public BookingDetails cancel(UUID id, @Nullable CancellationReason reason, @Nullable String note,
			CurrentUser user) {
		get(id, user);
		if (reason == null) {
			throw ProblemException.invalidField("reason", "realtor.field.required");
		}
		BookingDetails cancelled = this.cancelBooking.cancel(id, reason, note, this.scopes.of(user));
		this.audit.record(user.id(), "booking.cancelled-by-staff", "booking", id.toString(),
				java.util.Map.of("reason", reason.name()));
		return cancelled;
	}

	@Transactional
	public BookingDetails checkIn(UUID id, CurrentUser user) {
		get(id, user);
		return this.markStay.checkIn(id, this.scopes.of(user));
	}

	@Transactional
	public BookingDetails checkOut(UUID id, CurrentUser user) {
		get(id, user);
		return this.markStay.checkOut(id, this.scopes.of(user));
	}

}
