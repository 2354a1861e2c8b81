package kz.zhilyego.booking;

import kz.zhilyego.common.ProblemException;

import org.springframework.dao.DataIntegrityViolationException;

import java.util.function.Supplier;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for bookings, their timeline and their occupancy rows. Status changes are
 * compare-and-set ({@code … where status = :from}); callers check the row count.
 */
@Repository
class Bookings {

	private static final Map<BookingStatus, String> TIMESTAMP_COLUMN = Map.of(BookingStatus.CONFIRMED, "confirmed_at",
			BookingStatus.CHECKED_IN, "checked_in_at", BookingStatus.COMPLETED, "completed_at", BookingStatus.CANCELLED,
			"cancelled_at", BookingStatus.EXPIRED, "expired_at");

	private static final String DETAILS = """
			select b.*, l.title as listing_title, l.check_in_time, l.check_out_time,
			       concat_ws(', ', l.street, l.house, l.block) as address, l.entrance, l.floor, l.realtor_phone
			from bookings b join listing_facts l on l.id = b.listing_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Bookings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record NewBooking(UUID id, long listingId, long ownerId, long guestId, Stay stay, int guests, String guestName,
			String guestPhone, @Nullable String guestEmail, @Nullable String comment, Quote quote,
			BigDecimal commissionPercent, Money platformCommission, BigDecimal gatewayFeePercent, Money gatewayFee,
			CancellationPolicy policy, Instant createdAt, Instant holdExpiresAt) {
	}

	/** The parts of a booking its state changes need, read under a row lock. */
	record Locked(UUID id, BookingStatus status, long listingId, long ownerId, long guestId, Stay stay, Money total,
			Money platformCommission, Money gatewayFee, LocalTime checkInTime, Instant holdExpiresAt,
			CancellationPolicy policy) {
	}

	private static List<BookingDetails.Night> nightly(NewBooking b) {
		return b.quote()
			.nightly()
			.stream()
			.map(n -> new BookingDetails.Night(n.date(), n.price().amount(), n.basis().name().toLowerCase()))
			.toList();
	}

	private Map<String, Object> newBookingParams(NewBooking b, List<BookingDetails.Night> nightly) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", b.id());
		params.put("listing", b.listingId());
		params.put("owner", b.ownerId());
		params.put("guest", b.guestId());
		params.put("checkIn", b.stay().checkIn());
		params.put("checkOut", b.stay().checkOut());
		params.put("guests", b.guests());
		params.put("name", b.guestName());
		params.put("phone", b.guestPhone());
		params.put("email", b.guestEmail());
		params.put("comment", b.comment());
		params.put("nightly", this.json.writeValueAsString(nightly));
		params.put("subtotal", b.quote().subtotal().amount());
		params.put("discounts", b.quote().discounts().amount());
		params.put("total", b.quote().total().amount());
		params.put("currency", b.quote().currency());
		params.put("commissionPercent", b.commissionPercent());
		params.put("commission", b.platformCommission().amount());
		params.put("feePercent", b.gatewayFeePercent());
		params.put("fee", b.gatewayFee().amount());
		params.put("fullHours", b.policy().fullBefore().toHours());
		params.put("partialHours", b.policy().partialBefore().toHours());
		params.put("partialPercent", b.policy().partialPercent());
		params.put("holdExpiresAt", utc(b.holdExpiresAt()));
		params.put("createdAt", utc(b.createdAt()));
		return params;
	}

	/**
	 * Inserts a new hold in one statement: the booking row, its occupancy row (the
	 * exclusion constraint refuses an overlap), its first transition, and answers the
	 * booking's details, as {@link #occupy}, {@link #recordTransition} and
	 * {@link #details} would after an insert, one by one.
	 */
	BookingDetails insertHold(NewBooking b, Actor actor) {
		// the nights just written are the nights to answer with: not parsed back from
		// jsonb
		List<BookingDetails.Night> nightly = nightly(b);
		return refusingOverlap("booking.datesUnavailable", () -> this.jdbc.sql("""
				with b as (
				    insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
				        guest_name, guest_phone, guest_email, comment, rules_accepted_at, nightly, subtotal, discounts,
				        total, currency, commission_percent, platform_commission, gateway_fee_percent, gateway_fee,
				        hold_expires_at, created_at, full_refund_before_hours, partial_refund_before_hours,
				        partial_refund_percent)
				    values (:id, :listing, :owner, :guest, 'HOLD', :checkIn, :checkOut, :guests, :name, :phone, :email,
				        :comment, :createdAt, cast(:nightly as jsonb), :subtotal, :discounts, :total, :currency,
				        :commissionPercent, :commission, :feePercent, :fee, :holdExpiresAt, :createdAt, :fullHours,
				        :partialHours, :partialPercent)
				    returning *
				), occupancy as (
				    insert into occupancies (listing_id, period, kind, booking_id)
				    select b.listing_id, daterange(b.check_in, b.check_out), 'BOOKING', b.id from b
				), transition as (
				    insert into booking_transitions (booking_id, at, actor_type, actor_id, to_status)
				    select b.id, b.created_at, cast(:actorType as text), cast(:actorId as bigint), 'HOLD' from b
				)
				select b.*, l.title as listing_title, l.check_in_time, l.check_out_time,
				       concat_ws(', ', l.street, l.house, l.block) as address, l.entrance, l.floor, l.realtor_phone
				from b join listing_facts l on l.id = b.listing_id
				""")
			.params(newBookingParams(b, nightly))
			.param("actorType", actor.type().name())
			.param("actorId", actor.id())
			.query((rs, n) -> mapDetails(rs, nightly))
			.single());
	}

	/** PostgreSQL: an exclusion constraint refused the row (overlapping periods). */
	private static final String EXCLUSION_VIOLATION = "23P01";

	/**
	 * Runs an insert into {@code occupancies}: when the exclusion constraint refuses an
	 * overlap (a race the checks before it lost), the caller gets the domain's 409
	 * {@code dates-unavailable} with {@code messageKey}, not a database error.
	 */
	static <T> T refusingOverlap(String messageKey, Supplier<T> insert) {
		try {
			return insert.get();
		}
		catch (DataIntegrityViolationException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
					throw ProblemException.conflict("dates-unavailable", messageKey);
				}
			}
			throw ex;
		}
	}

	/**
	 * An external booking as its connection sent it: confirmed at once, no price here.
	 */
	record NewExternal(UUID id, long listingId, long ownerId, long guestId, Stay stay, int guests, String guestName,
			String guestPhone, @Nullable String guestEmail, String currency, String source, String externalRef,
			Instant createdAt) {
	}

	/**
	 * Inserts a CONFIRMED external booking with its occupancy row (the exclusion
	 * constraint refuses an overlap) and its first transition.
	 */
	void insertExternal(NewExternal b) {
		this.jdbc.sql("""
				with b as (
				    insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
				        guest_name, guest_phone, guest_email, rules_accepted_at, nightly, subtotal, discounts, total,
				        currency, commission_percent, platform_commission, gateway_fee_percent, gateway_fee,
				        hold_expires_at, created_at, confirmed_at, source, external_ref)
				    values (:id, :listing, :owner, :guest, 'CONFIRMED', :checkIn, :checkOut, :guests, :name, :phone,
				        :email, :at, '[]'::jsonb, 0, 0, 0, :currency, 0, 0, 0, 0, :at, :at, :at, :source, :ref)
				    returning *
				), occupancy as (
				    insert into occupancies (listing_id, period, kind, booking_id)
				    select b.listing_id, daterange(b.check_in, b.check_out), 'BOOKING', b.id from b
				)
				insert into booking_transitions (booking_id, at, actor_type, to_status, reason)
				select b.id, b.created_at, 'CHANNEL', 'CONFIRMED', 'external' from b
				""")
			.param("id", b.id())
			.param("listing", b.listingId())
			.param("owner", b.ownerId())
			.param("guest", b.guestId())
			.param("checkIn", b.stay().checkIn())
			.param("checkOut", b.stay().checkOut())
			.param("guests", b.guests())
			.param("name", b.guestName())
			.param("phone", b.guestPhone())
			.param("email", b.guestEmail())
			.param("currency", b.currency())
			.param("at", utc(b.createdAt()))
			.param("source", b.source())
			.param("ref", b.externalRef())
			.update();
	}

	/** The booking a connection sent under its own id, if any. */
	Optional<UUID> externalBooking(String source, String externalRef) {
		return this.jdbc.sql("select id from bookings where source = :source and external_ref = :ref")
			.param("source", source)
			.param("ref", externalRef)
			.query(UUID.class)
			.optional();
	}

	/** Moves a booking's dates and its occupancy row (the constraint checks the move). */
	void moveDates(UUID id, Stay stay) {
		this.jdbc.sql("update bookings set check_in = :checkIn, check_out = :checkOut where id = :id")
			.param("checkIn", stay.checkIn())
			.param("checkOut", stay.checkOut())
			.param("id", id)
			.update();
		this.jdbc.sql("update occupancies set period = daterange(:checkIn, :checkOut) where booking_id = :id")
			.param("checkIn", stay.checkIn())
			.param("checkOut", stay.checkOut())
			.param("id", id)
			.update();
	}

	/** What occupies nights of a listing overlapping {@code stay}, first night first. */
	record Occupant(String kind, @Nullable UUID bookingId, @Nullable Long blockId, @Nullable String source,
			LocalDate from, LocalDate to) {
	}

	List<Occupant> occupants(long listingId, Stay stay, @Nullable UUID exceptBooking) {
		return this.jdbc.sql("""
				select o.kind, o.booking_id, o.block_id, coalesce(b.source, k.source) as source,
				       lower(o.period) as from_date, upper(o.period) as to_date
				from occupancies o
				left join bookings b on b.id = o.booking_id
				left join listing_blocks k on k.id = o.block_id
				where o.listing_id = :listing and o.period && daterange(:from, :to)
				  and (cast(:except as uuid) is null or o.booking_id is distinct from cast(:except as uuid))
				order by lower(o.period), o.id
				""")
			.param("listing", listingId)
			.param("from", stay.checkIn())
			.param("to", stay.checkOut())
			.param("except", exceptBooking)
			.query((rs, n) -> new Occupant(rs.getString("kind"), rs.getObject("booking_id", UUID.class),
					rs.getObject("block_id", Long.class), rs.getString("source"),
					rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
			.list();
	}

	/** External bookings still CONFIRMED or CHECKED_IN whose check-out day has come. */
	List<UUID> externalStaysEndingBy(LocalDate day, int limit) {
		return this.jdbc.sql("""
				select id from bookings
				where source is not null and status in ('CONFIRMED', 'CHECKED_IN') and check_out <= :day
				order by check_out, id
				limit :limit
				""").param("day", day).param("limit", limit).query(UUID.class).list();
	}

	List<BookingQueries.Occupation> occupations(long listingId, LocalDate from) {
		return this.jdbc.sql("""
				select 'BOOKING' as kind, b.id::text as key, b.check_in as from_date, b.check_out as to_date,
				       b.created_at as since
				from bookings b
				where b.listing_id = :listing and b.status in ('CONFIRMED', 'CHECKED_IN') and b.check_out > :from
				union all
				select 'BLOCK', k.id::text, lower(k.period), upper(k.period), k.created_at
				from listing_blocks k
				where k.listing_id = :listing and k.removed_at is null and upper(k.period) > :from
				order by from_date, kind, key
				limit 5000
				""")
			.param("listing", listingId)
			.param("from", from)
			.query((rs, n) -> new BookingQueries.Occupation(rs.getString("kind"), rs.getString("key"),
					rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
					instant(rs, "since")))
			.list();
	}

	Optional<BookingStatus> statusForShare(UUID id) {
		return this.jdbc.sql("select status from bookings where id = :id for share")
			.param("id", id)
			.query((rs, n) -> BookingStatus.valueOf(rs.getString("status")))
			.optional();
	}

	/** The source of a booking, or null for one made here. */
	Optional<String> sourceOf(UUID id) {
		return this.jdbc.sql("select source from bookings where id = :id")
			.param("id", id)
			.query((rs, n) -> Optional.ofNullable(rs.getString("source")))
			.optional()
			.flatMap(source -> source);
	}

	Optional<BookingDetails> details(UUID id) {
		return this.jdbc.sql(DETAILS + " where b.id = :id").param("id", id).query(this::mapDetails).optional();
	}

	List<BookingDetails> ofGuest(long guestId, Collection<BookingStatus> statuses) {
		return this.jdbc
			.sql(DETAILS + " where b.guest_id = :guest and b.status in (:statuses)"
					+ " order by b.check_in desc, b.created_at desc, b.id desc limit 500")
			.param("guest", guestId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.query(this::mapDetails)
			.list();
	}

	/**
	 * Bookings of the listings in a staff scope, one page in the filter's order;
	 * {@code today} (Kazakhstan) splits current and past stays for
	 * {@link StaffBookingFilter.Sort#UPCOMING}.
	 */
	PageResult<BookingDetails> inScope(AccessScope scope, Collection<BookingStatus> statuses, StaffBookingFilter filter,
			LocalDate today) {
		// fixed SQL; the scope and the filters are parameters (null = no filter)
		String where = " where " + AccessScope.ownerInScope("b.owner_id") + """
				 and b.status in (:statuses)
				   and (cast(:listing as bigint) is null or b.listing_id = :listing)
				   and (cast(:from as date) is null or b.check_out > :from)
				   and (cast(:to as date) is null or b.check_in <= :to)
				   and (cast(:text as text) is null
				        or l.title ilike :pattern escape '\\'
				        or concat_ws(' ', l.street, l.house, l.block) ilike :pattern escape '\\'
				        or b.guest_name ilike :pattern escape '\\'
				        or (:digits <> '' and regexp_replace(b.guest_phone, '[^0-9]', '', 'g') like :digits)
				        or cast(b.id as text) like :idPrefix escape '\\')
				""";
		Map<String, Object> params = scope.sqlParams();
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		params.put("listing", filter.listingId());
		params.put("from", filter.from());
		params.put("to", filter.to());
		String text = filter.text();
		params.put("text", text);
		params.put("pattern", text == null ? "" : "%" + likeEscaped(text) + "%");
		String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
		// a phone search needs a few digits; "2" alone would match nearly every phone
		params.put("digits", digits.length() < 4 ? "" : "%" + digits + "%");
		params.put("idPrefix", text == null ? "" : likeEscaped(text.toLowerCase(java.util.Locale.ROOT)) + "%");
		params.put("today", today);
		String from = " from bookings b join listing_facts l on l.id = b.listing_id";
		long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		params.put("limit", filter.size());
		params.put("offset", filter.offset());
		String order = switch (filter.sort()) {
			case UPCOMING -> "(b.check_out < :today), case when b.check_out >= :today then b.check_in end,"
					+ " b.check_in desc, b.id";
			case CHECK_IN -> "b.check_in, b.id";
			case CHECK_IN_DESC -> "b.check_in desc, b.id";
			case CREATED_DESC -> "b.created_at desc, b.id";
		};
		List<BookingDetails> items = this.jdbc
			.sql(DETAILS + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.query(this::mapDetails)
			.list();
		return new PageResult<>(total, filter.page(), filter.size(), items);
	}

	/** The text with LIKE's wildcards and escape character escaped. */
	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	Optional<Locked> lock(UUID id) {
		return lock(id, "for update of b");
	}

	/** Like {@link #lock(UUID)}, but empty when another transaction holds the row. */
	Optional<Locked> lockUnlessLocked(UUID id) {
		return lock(id, "for update of b skip locked");
	}

	private Optional<Locked> lock(UUID id, String lockClause) {
		return this.jdbc.sql("""
				select b.id, b.status, b.listing_id, b.owner_id, b.guest_id, b.check_in, b.check_out, b.total,
				       b.platform_commission, b.gateway_fee, b.currency, b.hold_expires_at, l.check_in_time,
				       b.full_refund_before_hours, b.partial_refund_before_hours, b.partial_refund_percent
				from bookings b join listing_facts l on l.id = b.listing_id
				where b.id = :id
				""" + lockClause)
			.param("id", id)
			.query((rs, n) -> new Locked(rs.getObject("id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
					rs.getLong("listing_id"), rs.getLong("owner_id"), rs.getLong("guest_id"),
					new Stay(rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class)),
					new Money(rs.getBigDecimal("total"), rs.getString("currency")),
					new Money(rs.getBigDecimal("platform_commission"), rs.getString("currency")),
					new Money(rs.getBigDecimal("gateway_fee"), rs.getString("currency")),
					rs.getObject("check_in_time", LocalTime.class), instant(rs, "hold_expires_at"), policy(rs)))
			.optional();
	}

	/** The cancellation policy the booking was made under. */
	Optional<CancellationPolicy> policyOf(UUID id) {
		return this.jdbc.sql("""
				select full_refund_before_hours, partial_refund_before_hours, partial_refund_percent
				from bookings where id = :id
				""").param("id", id).query((rs, n) -> policy(rs)).optional();
	}

	private static CancellationPolicy policy(ResultSet rs) throws SQLException {
		return new CancellationPolicy(java.time.Duration.ofHours(rs.getInt("full_refund_before_hours")),
				java.time.Duration.ofHours(rs.getInt("partial_refund_before_hours")),
				rs.getBigDecimal("partial_refund_percent"));
	}

	/**
	 * The listing of a booking, read without a lock (to take locks in listing → booking
	 * order).
	 */
	Optional<Long> listingOf(UUID id) {
		return this.jdbc.sql("select listing_id from bookings where id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/** Compare-and-set status change; sets the matching timestamp column. */
	boolean move(UUID id, BookingStatus from, BookingStatus to, Instant at) {
		BookingLifecycle.check(from, to);
		return this.jdbc
			.sql("update bookings set status = :to, " + TIMESTAMP_COLUMN.get(to)
					+ " = :at where id = :id and status = :from")
			.param("to", to.name())
			.param("at", utc(at))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	boolean cancel(UUID id, BookingStatus from, Instant at, Actor.Type by, String reason, @Nullable String note,
			BigDecimal refundPercent, Money refund) {
		BookingLifecycle.check(from, BookingStatus.CANCELLED);
		return this.jdbc.sql("""
				update bookings set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,
				    cancel_reason = :reason, cancel_note = :note, refund_percent = :percent, refund_due = :refund
				where id = :id and status = :from
				""")
			.param("at", utc(at))
			.param("by", by.name())
			.param("reason", reason)
			.param("note", note)
			.param("percent", refundPercent)
			.param("refund", refund.amount())
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	void setPaymentRef(UUID id, String paymentRef) {
		this.jdbc.sql("update bookings set payment_ref = :ref where id = :id")
			.param("ref", paymentRef)
			.param("id", id)
			.update();
	}

	void recordTransition(UUID id, Instant at, Actor actor, @Nullable BookingStatus from, BookingStatus to,
			@Nullable String reason, @Nullable String note) {
		this.jdbc.sql("""
				insert into booking_transitions (booking_id, at, actor_type, actor_id, from_status, to_status, reason,
				    note)
				values (:id, :at, :type, :actorId, :from, :to, :reason, :note)
				""")
			.param("id", id)
			.param("at", utc(at))
			.param("type", actor.type().name())
			.param("actorId", actor.id())
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("reason", reason)
			.param("note", note)
			.update();
	}

	List<Transition> timeline(UUID id) {
		return this.jdbc.sql("select * from booking_transitions where booking_id = :id order by at, id")
			.param("id", id)
			.query((rs, n) -> {
				long actorId = rs.getLong("actor_id");
				return new Transition(instant(rs, "at"), rs.getString("actor_type"), rs.wasNull() ? null : actorId,
						rs.getString("from_status"), rs.getString("to_status"), rs.getString("reason"),
						rs.getString("note"));
			})
			.list();
	}

	/**
	 * Inserts the booking's occupancy row; the exclusion constraint refuses an overlap.
	 */
	void occupy(long listingId, Stay stay, UUID bookingId) {
		refusingOverlap("booking.datesUnavailable",
				() -> this.jdbc.sql("""
						insert into occupancies (listing_id, period, kind, booking_id)
						values (:listing, daterange(:from, :to), 'BOOKING', :booking)
						""")
					.param("listing", listingId)
					.param("from", stay.checkIn())
					.param("to", stay.checkOut())
					.param("booking", bookingId)
					.update());
	}

	void release(UUID bookingId) {
		this.jdbc.sql("delete from occupancies where booking_id = :booking").param("booking", bookingId).update();
	}

	boolean overlaps(long listingId, Stay stay) {
		return this.jdbc.sql("""
				select exists (select 1 from occupancies
				               where listing_id = :listing and period && daterange(:from, :to))
				""")
			.param("listing", listingId)
			.param("from", stay.checkIn())
			.param("to", stay.checkOut())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether any occupancy of the listing overlaps the stay, and whether the listing has
	 * holds overdue now (they still occupy their dates until expired), in one statement.
	 */
	record Availability(boolean overlaps, boolean overdueHolds) {
	}

	Availability availability(long listingId, Stay stay, Instant now) {
		return this.jdbc.sql("""
				select exists (select 1 from occupancies
				               where listing_id = :listing and period && daterange(:from, :to)) as overlaps,
				       exists (select 1 from bookings
				               where listing_id = :listing and status = 'HOLD' and hold_expires_at <= :now) as overdue
				""")
			.param("listing", listingId)
			.param("from", stay.checkIn())
			.param("to", stay.checkOut())
			.param("now", utc(now))
			.query((rs, n) -> new Availability(rs.getBoolean("overlaps"), rs.getBoolean("overdue")))
			.single();
	}

	/** Overdue holds, oldest first; optionally of one listing. */
	List<UUID> overdueHolds(Instant now, @Nullable Long listingId, int limit) {
		return this.jdbc.sql("""
				select id from bookings
				where status = 'HOLD' and hold_expires_at <= :now and (cast(:listing as bigint) is null
				      or listing_id = :listing)
				order by hold_expires_at, id
				limit :limit
				""").param("now", utc(now)).param("listing", listingId).param("limit", limit).query(UUID.class).list();
	}

	private BookingDetails mapDetails(ResultSet rs, int rowNum) throws SQLException {
		return mapDetails(rs, this.json.readValue(rs.getString("nightly"), NIGHTS));
	}

	private static final TypeReference<List<BookingDetails.Night>> NIGHTS = new TypeReference<>() {
	};

	private BookingDetails mapDetails(ResultSet rs, List<BookingDetails.Night> nightly) throws SQLException {
		LocalDate checkIn = rs.getObject("check_in", LocalDate.class);
		LocalDate checkOut = rs.getObject("check_out", LocalDate.class);
		return new BookingDetails(rs.getObject("id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
				rs.getLong("listing_id"), rs.getString("listing_title"), rs.getLong("owner_id"), rs.getLong("guest_id"),
				rs.getString("guest_name"), rs.getString("guest_phone"), rs.getString("guest_email"), checkIn, checkOut,
				new Stay(checkIn, checkOut).nights(), rs.getInt("guests"), rs.getString("comment"), nightly,
				rs.getBigDecimal("subtotal"), rs.getBigDecimal("discounts"), rs.getBigDecimal("total"),
				rs.getString("currency"), rs.getBigDecimal("platform_commission"), rs.getBigDecimal("gateway_fee"),
				instant(rs, "hold_expires_at"), instant(rs, "created_at"), instant(rs, "confirmed_at"),
				instant(rs, "checked_in_at"), instant(rs, "completed_at"), instant(rs, "cancelled_at"),
				instant(rs, "expired_at"), rs.getString("cancelled_by"), rs.getString("cancel_reason"),
				rs.getString("cancel_note"), rs.getBigDecimal("refund_percent"), rs.getBigDecimal("refund_due"),
				rs.getString("payment_ref"), rs.getObject("check_in_time", LocalTime.class),
				rs.getObject("check_out_time", LocalTime.class), rs.getString("address"), rs.getString("entrance"),
				nullableInt(rs, "floor"), rs.getString("realtor_phone"), rs.getString("source"));
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
