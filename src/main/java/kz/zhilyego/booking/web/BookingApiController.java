package kz.zhilyego.booking.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CheckInInstructions;
import kz.zhilyego.booking.MarkStay;
import kz.zhilyego.booking.PaymentStates;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.booking.Transition;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The booking API: holds, the guest's bookings, cancellation, staff check-in and
 * check-out.
 */
@RestController
@Tag(name = "Bookings", description = "Holds, bookings, cancellation, check-in and check-out")
class BookingApiController {

	private final PlaceHold placeHold;

	private final BookingQueries queries;

	private final CancelBooking cancelBooking;

	private final MarkStay markStay;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final ObjectProvider<PaymentStates> paymentStates;

	private final CheckInInstructions instructions;

	BookingApiController(PlaceHold placeHold, BookingQueries queries, CancelBooking cancelBooking, MarkStay markStay,
			AccessScopes scopes, UserDirectory users, ObjectProvider<PaymentStates> paymentStates,
			CheckInInstructions instructions) {
		this.instructions = instructions;
		this.placeHold = placeHold;
		this.queries = queries;
		this.cancelBooking = cancelBooking;
		this.markStay = markStay;
		this.scopes = scopes;
		this.users = users;
		this.paymentStates = paymentStates;
	}

	/**
	 * MVC validates the body and the key's pattern together (built-in method validation:
	 * one pass, field errors by name); a {@code @Validated} proxy validated the body a
	 * second time on every hold.
	 */
	@PostMapping("/api/v1/bookings")
	@Operation(summary = "Place a 15-minute hold",
			description = "Same Idempotency-Key and body return the same booking; the same key with another body is"
					+ " a 422. 409 when the dates are taken.")
	ResponseEntity<BookingResponse> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CreateBookingRequest body, @RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String idempotencyKey) {
		UserProfile profile = this.users.profileOf(user).orElseThrow();
		PlaceHold.Request request = new PlaceHold.Request(body.listingId(), body.checkIn(), body.checkOut(),
				body.guests(), orDefault(body.guestName(), profile.name()),
				orDefault(body.guestPhone(), profile.phone()),
				body.guestEmail() != null ? body.guestEmail() : profile.email(), body.rulesAccepted(), body.comment());
		BookingDetails booking = this.placeHold.place(request, user.id(), idempotencyKey);
		return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id()))
			.body(BookingResponse.of(booking, null, false));
	}

	@GetMapping("/api/v1/bookings/{id}")
	@Operation(summary = "A booking with its payment and refund state (its guest or staff in scope)")
	BookingResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		AccessScope scope = this.scopes.of(user);
		return response(this.queries.get(id, scope), scope);
	}

	@GetMapping("/api/v1/bookings/{id}/timeline")
	@Operation(summary = "Every status change: when, who, from, to, why")
	List<Transition> timeline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.queries.timeline(id, this.scopes.of(user));
	}

	@GetMapping("/api/v1/bookings/{id}/cancellation-quote")
	@Operation(summary = "What cancelling now would refund")
	CancelBooking.RefundQuote cancellationQuote(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.cancelBooking.quote(id, this.scopes.of(user));
	}

	@PostMapping("/api/v1/bookings/{id}/cancel")
	@Operation(summary = "Cancel: the guest under the refund policy, staff in scope with a full refund")
	BookingResponse cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody CancelRequest body) {
		AccessScope scope = this.scopes.of(user);
		return response(this.cancelBooking.cancel(id, body.reason(), body.note(), scope), scope);
	}

	@PostMapping("/api/v1/bookings/{id}/check-in")
	@Operation(summary = "Staff: the guest checked in (from the check-in day)")
	BookingResponse checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		AccessScope scope = this.scopes.of(user);
		return response(this.markStay.checkIn(id, scope), scope);
	}

	@PostMapping("/api/v1/bookings/{id}/check-out")
	@Operation(summary = "Staff: the guest checked out; the stay is completed")
	BookingResponse checkOut(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		AccessScope scope = this.scopes.of(user);
		return response(this.markStay.checkOut(id, scope), scope);
	}

	@GetMapping("/api/v1/bookings/{id}/check-in-instructions")
	@Operation(summary = "Address, entrance, floor and access codes (guest of a paid booking or staff; logged)")
	CheckInInstructions.Instructions instructions(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.instructions.forCaller(id, user, this.scopes.of(user), "api");
	}

	@GetMapping("/api/v1/me/bookings")
	@Operation(summary = "The caller's own bookings, newest stay first; filter by one or more statuses")
	List<BookingResponse> mine(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "status", required = false) @Nullable Set<BookingStatus> status) {
		// "?status=" binds a null element: an empty filter means every status
		Set<BookingStatus> statuses = EnumSet.noneOf(BookingStatus.class);
		if (status != null) {
			status.stream().filter(Objects::nonNull).forEach(statuses::add);
		}
		if (statuses.isEmpty()) {
			statuses = EnumSet.allOf(BookingStatus.class);
		}
		AccessScope scope = this.scopes.of(user);
		return this.queries.ofGuest(user.id(), statuses).stream().map(b -> response(b, scope)).toList();
	}

	private BookingResponse response(BookingDetails booking, AccessScope scope) {
		PaymentStates states = this.paymentStates.getIfAvailable();
		PaymentStates.PaymentState payment = states == null ? null : states.of(booking.id()).orElse(null);
		boolean staff = booking.guestId() != scope.userId() && scope.coversListingOwner(booking.ownerId());
		return BookingResponse.of(booking, payment, staff);
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
