package kz.zhilyego.realtor.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.AnalyticsSummary;
import kz.zhilyego.realtor.BookingReports;
import kz.zhilyego.realtor.RealtorAnalytics;
import kz.zhilyego.realtor.RealtorBookings;
import kz.zhilyego.realtor.TeamAnalytics;
import kz.zhilyego.realtor.TeamSummary;
import kz.zhilyego.trust.GuestRisk;
import kz.zhilyego.trust.GuestRisks;
import kz.zhilyego.trust.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Realtor API: bookings of listings in scope, analytics and exports. */
@RestController
@Tag(name = "Realtor: bookings and analytics")
class RealtorBookingApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final RealtorBookings bookings;

	private final RealtorAnalytics analytics;

	private final BookingReports reports;

	private final TeamAnalytics team;

	private final GuestRisks risks;

	private final AccessScopes scopes;

	RealtorBookingApiController(RealtorBookings bookings, RealtorAnalytics analytics, BookingReports reports,
			TeamAnalytics team, GuestRisks risks, AccessScopes scopes) {
		this.risks = risks;
		this.scopes = scopes;
		this.bookings = bookings;
		this.analytics = analytics;
		this.reports = reports;
		this.team = team;
	}

	/**
	 * A booking as staff see it, with the guest's contacts; one booking ({@code GET
	 * /api/v1/realtor/bookings/{id}}) also carries the guest's risk score, level and
	 * reasons (docs/platform.md "Scores"), left out of lists and actions.
	 */
	record StaffBooking(UUID id, String status, long listingId, String listingTitle, long guestId, String guestName,
			String guestPhone, @Nullable String guestEmail, LocalDate checkIn, LocalDate checkOut, int nights,
			int guests, @Nullable String comment, BigDecimal total, String currency, @Nullable BigDecimal refundDue,
			@Nullable String cancelledBy, @Nullable String cancelReason, @Nullable String cancelNote, Instant createdAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer riskScore,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RiskLevel riskLevel,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<GuestRisk.Reason> riskReasons) {

		static StaffBooking of(BookingDetails b) {
			return of(b, null);
		}

		static StaffBooking of(BookingDetails b, @Nullable GuestRisk risk) {
			return new StaffBooking(b.id(), b.status().name(), b.listingId(), b.listingTitle(), b.guestId(),
					b.guestName(), b.guestPhone(), b.guestEmail(), b.checkIn(), b.checkOut(), b.nights(), b.guests(),
					b.comment(), b.total(), b.currency(), b.refundDue(), b.cancelledBy(), b.cancelReason(),
					b.cancelNote(), b.createdAt(), risk == null ? null : risk.score(),
					risk == null ? null : risk.level(), risk == null ? null : risk.reasons());
		}

	}

	record CancelRequest(@Nullable CancellationReason reason, @Nullable String note) {
	}

	@GetMapping("/api/v1/realtor/bookings")
	@Operation(summary = "Bookings of listings in scope; filters status (repeatable), listingId, realtorId (one"
			+ " owner in scope), from/to (stays overlapping [from, to]), q (listing title or address, guest name or"
			+ " phone, booking number); sort upcoming (default: current and future stays, nearest first, then past"
			+ " ones, latest first), check_in, check_in_desc, created_desc; paged")
	PageResult<StaffBooking> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "status", required = false) @Nullable Set<BookingStatus> status,
			@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(required = false) @Nullable Long realtorId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		PageResult<BookingDetails> result = this.bookings.list(user, status == null ? Set.of() : status, listingId,
				realtorId, from, to, q, sort, page, size);
		return new PageResult<>(result.total(), result.page(), result.size(),
				result.items().stream().map(StaffBooking::of).toList());
	}

	@GetMapping("/api/v1/realtor/bookings/{id}")
	@Operation(summary = "A booking of a listing in scope, with guest contacts and the guest's risk score"
			+ " (riskScore 0–100, riskLevel LOW/MEDIUM/HIGH/CRITICAL, riskReasons)")
	StaffBooking get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		BookingDetails booking = this.bookings.get(id, user);
		return StaffBooking.of(booking, this.risks.ofBooking(id, this.scopes.of(user)));
	}

	@PostMapping("/api/v1/realtor/bookings/{id}/cancel")
	@Operation(summary = "Cancel with a reason; the guest gets a full refund")
	StaffBooking cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody CancelRequest body) {
		return StaffBooking.of(this.bookings.cancel(id, body.reason(), body.note(), user));
	}

	@PostMapping("/api/v1/realtor/bookings/{id}/check-in")
	@Operation(summary = "The guest checked in")
	StaffBooking checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return StaffBooking.of(this.bookings.checkIn(id, user));
	}

	@PostMapping("/api/v1/realtor/bookings/{id}/check-out")
	@Operation(summary = "The guest checked out; the stay is complete")
	StaffBooking checkOut(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return StaffBooking.of(this.bookings.checkOut(id, user));
	}

	@GetMapping("/api/v1/realtor/analytics/summary")
	@Operation(summary = "Revenue, bookings, occupancy, top-5 listings and clients, cancellation reasons, heat map,"
			+ " price history for check-ins in [from, to] (docs/realtor.md has the definitions)")
	AnalyticsSummary summary(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.analytics.summary(user, from, to);
	}

	@GetMapping("/api/v1/realtor/reports/bookings.csv")
	@Operation(
			summary = "Bookings with check-in in [from, to] as CSV (UTF-8 with BOM; headers and words in the caller's language)")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale) {
		return file(this.reports.csv(user, from, to, locale),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"bookings-" + from + "-" + to + ".csv");
	}

	@GetMapping("/api/v1/realtor/reports/bookings.xlsx")
	@Operation(summary = "Bookings with check-in in [from, to] as XLSX, with a summary sheet")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale) {
		return file(this.reports.xlsx(user, from, to, locale), XLSX, "bookings-" + from + "-" + to + ".xlsx");
	}

	@GetMapping("/api/v1/realtor/analytics/team")
	@Operation(summary = "Agency head: top-5 realtors by revenue and bookings, the realtors' table (paged) and revenue"
			+ " by month for check-ins in [from, to]; the superuser passes agencyId; 403 for a realtor")
	TeamSummary teamSummary(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.team.summary(user, agencyId, from, to, page, size);
	}

	@GetMapping("/api/v1/realtor/reports/team.csv")
	@Operation(summary = "Agency head: the team table for [from, to] as CSV")
	ResponseEntity<byte[]> teamCsv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long agencyId, Locale locale) {
		return file(this.reports.teamCsv(user, agencyId, from, to, locale),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"team-" + from + "-" + to + ".csv");
	}

	@GetMapping("/api/v1/realtor/reports/team.xlsx")
	@Operation(summary = "Agency head: the team table for [from, to] as XLSX")
	ResponseEntity<byte[]> teamXlsx(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long agencyId, Locale locale) {
		return file(this.reports.teamXlsx(user, agencyId, from, to, locale), XLSX, "team-" + from + "-" + to + ".xlsx");
	}

	static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
