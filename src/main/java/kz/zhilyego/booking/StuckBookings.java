package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bookings stuck in a state longer than expected, for the problems page: a HOLD still
 * open {@code stuck-hold-after} past its expiry (the expiry job is not running), a
 * CONFIRMED booking not checked in {@code stuck-stay-after} days after its check-in date,
 * a CHECKED_IN one not checked out that long after its check-out date. Actions go through
 * the same services as the staff's buttons ({@link ExpireHolds}, {@link MarkStay},
 * {@link CancelBooking} as the platform).
 */
@Component
class StuckBookings implements AttentionSource {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ExpireHolds expireHolds;

	private final MarkStay stays;

	private final CancelBooking cancel;

	private final Duration holdGrace;

	private final int stayDays;

	StuckBookings(JdbcClient jdbc, Clock clock, ExpireHolds expireHolds, MarkStay stays, CancelBooking cancel,
			StuckBookingProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expireHolds = expireHolds;
		this.stays = stays;
		this.cancel = cancel;
		this.holdGrace = properties.stuckHoldAfter();
		this.stayDays = properties.stuckStayAfterDays();
	}

	@Override
	public String name() {
		return "bookings";
	}

	private static final String STUCK = """
			select b.id, b.status, b.check_in, b.check_out, b.hold_expires_at, b.guest_name, l.title, b.created_at,
			       case b.status when 'HOLD' then b.hold_expires_at
			                     when 'CONFIRMED' then cast(b.check_in as timestamp) at time zone :zone
			                     else cast(b.check_out as timestamp) at time zone :zone end as since
			from bookings b join listing_facts l on l.id = b.listing_id
			where (b.status = 'HOLD' and b.hold_expires_at < :holdLimit)
			   or (b.status = 'CONFIRMED' and b.check_in < :stayLimit)
			   or (b.status = 'CHECKED_IN' and b.check_out < :stayLimit)
			""";

	@Override
	public List<Item> open(int limit) {
		return this.jdbc.sql(STUCK + " order by since, b.id limit :limit")
			.params(params())
			.param("limit", limit)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				String status = rs.getString("status");
				List<Action> actions = switch (status) {
					case "HOLD" -> List.of(new Action("expire", "attention.action.expire", false, false),
							new Action("cancel", "attention.action.cancel", true, true));
					case "CONFIRMED" -> List.of(new Action("check-in", "attention.action.checkIn", false, false),
							new Action("cancel", "attention.action.cancel", true, true));
					default -> List.of(new Action("check-out", "attention.action.checkOut", false, false));
				};
				return new Item(id.toString(), "stuck_" + status.toLowerCase(java.util.Locale.ROOT),
						"attention.booking.stuck." + status,
						List.of(rs.getString("title"), rs.getString("guest_name"),
								rs.getObject("check_in", LocalDate.class).toString(),
								rs.getObject("check_out", LocalDate.class).toString()),
						rs.getTimestamp("since").toInstant(), "booking", id.toString(), "/realtor/bookings/" + id,
						actions, Map.of("status", status));
			})
			.list();
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from (" + STUCK + ") x").params(params()).query(Long.class).single();
	}

	private Map<String, Object> params() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		return Map.of("holdLimit", now.minus(this.holdGrace).atOffset(java.time.ZoneOffset.UTC), "stayLimit",
				today.minusDays(this.stayDays), "zone", Zones.KAZAKHSTAN.getId());
	}

	@Override
	public Outcome act(String itemKey, String action, long actorId, @Nullable String note) {
		UUID id;
		try {
			id = UUID.fromString(itemKey);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.notFound("booking.notFound");
		}
		if (open(1000).stream().noneMatch(item -> item.key().equals(itemKey))) {
			throw ProblemException.conflict("attention-item-closed", "attention.closed");
		}
		AccessScope platform = new AccessScope(actorId, AccessScope.Kind.PLATFORM, Set.of());
		BookingDetails after = switch (action) {
			case "expire" -> {
				this.expireHolds.expireDue();
				yield this.cancel.details(id);
			}
			case "check-in" -> this.stays.checkIn(id, platform);
			case "check-out" -> this.stays.checkOut(id, platform);
			case "cancel" -> {
				if (note == null || note.isBlank()) {
					throw ProblemException.invalidField("note", "booking.cancel.noteRequired");
				}
				yield this.cancel.cancel(id, CancellationReason.OTHER, note.strip(), platform);
			}
			default -> throw ProblemException.invalidField("action", "attention.unknownAction");
		};
		List<Object> args = new ArrayList<>(List.of(after.listingTitle(), after.status().name()));
		return new Outcome("attention.booking.done", args,
				Map.of("bookingId", id.toString(), "status", after.status().name()));
	}

}
