package kz.zhilyego.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingProperties;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.CheckInInstructions;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.payment.CheckPayment;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.PaymentQueries;
import kz.zhilyego.payment.PaymentStatus;
import kz.zhilyego.payment.RenewPayment;
import kz.zhilyego.payment.StartPayment;
import kz.zhilyego.review.ReviewQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The guest's bookings: the list (active, holds, history), one booking's page — a hold
 * with its countdown and the pay button, "Booking confirmed" with contacts, check-in
 * instructions and codes, or what happened to it — payment start, cancellation with the
 * refund shown first, and the .ics file.
 */
@Controller
class BookingPages {

	static final Set<BookingStatus> ACTIVE = BookingStatus.ACTIVE_STAYS;

	static final Set<BookingStatus> HISTORY = EnumSet.of(BookingStatus.COMPLETED, BookingStatus.CANCELLED,
			BookingStatus.EXPIRED);

	private final BookingQueries queries;

	private final CancelBooking cancelBooking;

	private final CheckInInstructions instructions;

	/**
	 * The payment provider whose QR the hold page shows (scanned with the Kaspi.kz app).
	 */
	private static final String KASPI = "kaspi";

	private final StartPayment startPayment;

	private final PaymentQueries payments;

	private final AccessScopes scopes;

	private final BookingProperties bookingProperties;

	private final SiteUrls urls;

	private final Texts texts;

	private final Clock clock;

	private final ReviewQueries reviews;

	private final CheckPayment checkPayment;

	private final RenewPayment renewPayment;

	private final TelegramProperties telegram;

	BookingPages(BookingQueries queries, CancelBooking cancelBooking, CheckInInstructions instructions,
			StartPayment startPayment, PaymentQueries payments, AccessScopes scopes,
			BookingProperties bookingProperties, SiteUrls urls, Texts texts, Clock clock, ReviewQueries reviews,
			CheckPayment checkPayment, RenewPayment renewPayment, TelegramProperties telegram) {
		this.checkPayment = checkPayment;
		this.renewPayment = renewPayment;
		this.telegram = telegram;
		this.reviews = reviews;
		this.queries = queries;
		this.cancelBooking = cancelBooking;
		this.instructions = instructions;
		this.startPayment = startPayment;
		this.payments = payments;
		this.scopes = scopes;
		this.bookingProperties = bookingProperties;
		this.urls = urls;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/account")
	String account() {
		return "redirect:/account/bookings";
	}

	@GetMapping("/account/bookings")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<BookingDetails> all = this.queries.ofGuest(user.id(), Set.of());
		Instant now = this.clock.instant();
		model.addAttribute("holds", all.stream().filter(b -> b.holdOpenAt(now)).toList());
		model.addAttribute("active", all.stream().filter(b -> ACTIVE.contains(b.status())).toList());
		List<BookingDetails> history = all.stream()
			.filter(b -> HISTORY.contains(b.status()) || b.holdLapsedAt(now))
			.toList();
		model.addAttribute("history", history);
		// every total shown explains itself (one line under the amount)
		model.addAttribute("breakdowns", all.stream()
			.collect(java.util.stream.Collectors.toMap(BookingDetails::id, PriceBreakdown::of, (a, b) -> a)));
		model.addAttribute("reviewed", this.reviews.reviewedAmong(
				history.stream().filter(b -> b.status() == BookingStatus.COMPLETED).map(BookingDetails::id).toList()));
		model.addAttribute("section", "bookings");
		return "site/account-bookings";
	}

	@GetMapping("/account/bookings/{id}")
	String booking(@PathVariable UUID id, @RequestParam(required = false) @Nullable String payment,
			@RequestParam(name = "pay", required = false) @Nullable UUID paymentId,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		AccessScope scope = this.scopes.of(user);
		BookingDetails booking = this.queries.get(id, scope);
		Instant now = this.clock.instant();
		boolean holdOpen = booking.holdOpenAt(now);
		model.addAttribute("booking", booking);
		model.addAttribute("breakdown", PriceBreakdown.of(booking));
		model.addAttribute("number", number(booking.id()));
		model.addAttribute("telegramLink", this.telegram.deepLink("booking-" + booking.id()));
		model.addAttribute("payment", payment);
		model.addAttribute("holdOpen", holdOpen);
		model.addAttribute("expired", booking.status() == BookingStatus.EXPIRED || booking.holdLapsedAt(now));
		model.addAttribute("secondsLeft", holdOpen ? Duration.between(now, booking.holdExpiresAt()).toSeconds() : 0);
		model.addAttribute("payToken", UUID.randomUUID().toString());
		if (holdOpen && paymentId != null) {
			kaspiQr(id, paymentId, user, model);
		}
		model.addAttribute("policy", this.bookingProperties);
		boolean active = ACTIVE.contains(booking.status());
		model.addAttribute("active", active);
		if (active && booking.guestId() == user.id()) {
			model.addAttribute("instructions", this.instructions.forCaller(id, user, scope, "web"));
		}
		boolean mayCancel = booking.guestId() == user.id() && (booking.status() == BookingStatus.CONFIRMED || holdOpen);
		model.addAttribute("cancellable", mayCancel && this.cancelBooking.quote(id, scope).cancellable());
		model.addAttribute("section", "bookings");
		return "site/booking";
	}

	@PostMapping("/account/bookings/{id}/pay")
	String pay(@PathVariable UUID id, @RequestParam String token, @AuthenticationPrincipal CurrentUser user) {
		StartPayment.Started started;
		try {
			started = this.startPayment.start(id, user.id(), token);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			return "redirect:/account/bookings/" + id + "?payment="
					+ (ex.status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "notPayable");
		}
		return afterStart(id, started);
	}

	/**
	 * "New QR" on the hold page once the Kaspi QR lapsed: the old payment is closed (or
	 * found paid at the last second) and a new one shown.
	 */
	@PostMapping("/account/bookings/{id}/pay/renew")
	String renew(@PathVariable UUID id, @RequestParam String token, @AuthenticationPrincipal CurrentUser user) {
		StartPayment.Started started;
		try {
			started = this.renewPayment.renew(id, user.id(), token);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			return "redirect:/account/bookings/" + id + "?payment="
					+ (ex.status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "confirming");
		}
		if (started.payment().status().isPaid()) {
			return "redirect:/account/bookings/" + id + "?payment=paid";
		}
		return afterStart(id, started);
	}

	/**
	 * The hold page asks this every few seconds (htmx) while it shows a Kaspi QR: the
	 * payment is checked with Kaspi when due, and once it is no longer waiting (paid,
	 * failed, in doubt, or the QR lapsed) the page reloads to show it. 204 while waiting.
	 */
	@GetMapping("/account/bookings/{id}/payments/{paymentId}/status")
	ResponseEntity<Void> paymentStatus(@PathVariable UUID id, @PathVariable UUID paymentId,
			@AuthenticationPrincipal CurrentUser user) {
		Payment payment = this.checkPayment.check(paymentId, user.id());
		if (!payment.bookingId().equals(id)) {
			throw ProblemException.notFound("payment.notFound");
		}
		String next = switch (payment.status()) {
			case PENDING -> payment.qrLapsed(this.clock.instant()) ? "?pay=" + paymentId : null;
			case PAID, PARTIALLY_REFUNDED -> "?payment=paid";
			case REFUNDED -> "?payment=refunded";
			case UNKNOWN -> "?payment=unknown";
			case FAILED, CANCELLED, EXPIRED -> "?payment=failed";
		};
		if (next == null) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.ok().header("HX-Redirect", "/account/bookings/" + id + next).build();
	}

	private String afterStart(UUID id, StartPayment.Started started) {
		Payment started0 = started.payment();
		if (showsQr(started0)) {
			// Kaspi: the QR to scan with the app and the link button, on the hold page
			return "redirect:/account/bookings/" + id + "?pay=" + started0.paymentId();
		}
		String redirect = started0.redirectUrl();
		if (redirect == null || redirect.isBlank()) {
			return "redirect:/account/bookings/" + id + "?payment=pending";
		}
		return "redirect:" + redirect;
	}

	private static boolean showsQr(Payment payment) {
		return KASPI.equals(payment.provider()) && payment.status() == PaymentStatus.PENDING && payment.qr() != null
				&& !payment.qr().isBlank();
	}

	/**
	 * The started Kaspi payment's QR (a PNG data URI) and link, when it is this guest's
	 * pending payment for this booking; nothing otherwise.
	 */
	private void kaspiQr(UUID bookingId, UUID paymentId, CurrentUser user, Model model) {
		Payment payment;
		try {
			payment = this.payments.get(paymentId, user.id());
		}
		catch (ProblemException ex) {
			return;
		}
		if (payment.bookingId().equals(bookingId) && showsQr(payment)) {
			if (payment.qrLapsed(this.clock.instant())) {
				// the QR no longer takes payments: offer a new one instead
				model.addAttribute("qrLapsed", true);
				return;
			}
			model.addAttribute("qrImage", QrCodes.pngDataUri(payment.qr()));
			model.addAttribute("qrLink", payment.redirectUrl());
			model.addAttribute("qrPayment", payment.paymentId());
		}
	}

	/** The reasons a guest may give. */
	static final List<CancellationReason> GUEST_REASONS = List.of(CancellationReason.CHANGE_OF_PLANS,
			CancellationReason.FOUND_ANOTHER_PLACE, CancellationReason.BOOKED_BY_MISTAKE, CancellationReason.OTHER);

	@GetMapping("/account/bookings/{id}/cancel")
	String cancelForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		AccessScope scope = this.scopes.of(user);
		BookingDetails booking = this.queries.get(id, scope);
		model.addAttribute("booking", booking);
		model.addAttribute("number", number(booking.id()));
		model.addAttribute("quote", this.cancelBooking.quote(id, scope));
		model.addAttribute("reasons", GUEST_REASONS);
		model.addAttribute("reason", null);
		model.addAttribute("note", null);
		model.addAttribute("errors", java.util.Map.of());
		model.addAttribute("section", "bookings");
		return "site/booking-cancel";
	}

	/**
	 * Cancels with the chosen reason, never another: no choice (or one a guest cannot
	 * give) asks again; a refused cancellation shows the form with the reason and the
	 * note as they were.
	 */
	@PostMapping("/account/bookings/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		AccessScope scope = this.scopes.of(user);
		CancellationReason chosen = GUEST_REASONS.stream()
			.filter(r -> r.name().equals(reason == null ? null : reason.strip()))
			.findFirst()
			.orElse(null);
		try {
			if (chosen == null) {
				throw ProblemException.invalidField("reason", "web.cancel.chooseReason");
			}
			this.cancelBooking.cancel(id, chosen, note, scope);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			cancelForm(id, user, model);
			model.addAttribute("reason", chosen);
			model.addAttribute("note", note);
			model.addAttribute("errors", this.texts.fieldErrors(ex, "reason"));
			return "site/booking-cancel";
		}
		return "redirect:/account/bookings/" + id + "?cancelled";
	}

	@GetMapping("/account/bookings/{id}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		BookingDetails booking = this.queries.get(id, this.scopes.of(user));
		if (!ACTIVE.contains(booking.status())) {
			throw ProblemException.notFound("booking.notFound");
		}
		String ics = BookingCalendarFile.of(booking, booking.listingTitle(),
				this.texts.get("web.booking.calendar.description", number(booking.id()), booking.address()),
				URI.create(this.urls.absolute("/account/bookings/" + id)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("zhilyego-" + number(id) + ".ics").build().toString())
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The short booking number guests quote on the phone: the id's first 8 characters.
	 */
	static String number(UUID id) {
		return id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
