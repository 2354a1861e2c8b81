package kz.zhilyego.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.internal.SecretBox;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intercom, flat and safe codes of listings, encrypted at rest with AES-256-GCM.
 * Every reveal is logged (who, listing, booking, channel, time) in
 * {@code access_code_reveals} and in the audit log; the superuser sees both.
 */
@Service
public class AccessCodes {

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final AccessScopes scopes;

	private final AuditLog audit;

	private final Clock clock;

	AccessCodes(JdbcClient jdbc, SecretBox box, AccessScopes scopes, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the listing has at least one code stored (the codes stay sealed). */
	@Transactional(readOnly = true)
	public boolean hasAny(long listingId) {
		return this.jdbc.sql("""
				select exists (select 1 from listing_access_codes where listing_id = :id
				               and (intercom is not null or flat is not null or safe is not null))
				""").param("id", listingId).query(Boolean.class).single();
	}

	/**
	 * Stores (replaces) the codes of a listing. The caller checks the listing exists; the
	 * actor must have the listing's owner in scope.
	 */
	@Transactional
	public void store(long listingId, long listingOwnerId, AccessCodeSet codes, CurrentUser actor) {
		requireScope(listingOwnerId, actor);
		store(listingId, codes, actor);
	}

	/**
	 * Stores (replaces) the codes of a listing. The caller has already checked that the
	 * actor may manage the listing.
	 */
	@Transactional
	public void store(long listingId, AccessCodeSet codes, CurrentUser actor) {
		this.jdbc.sql("""
				insert into listing_access_codes (listing_id, intercom, flat, safe, key_version, updated_at, updated_by)
				values (:listing, :intercom, :flat, :safe, :version, :now, :actor)
				on conflict (listing_id) do update set intercom = excluded.intercom, flat = excluded.flat,
				    safe = excluded.safe, key_version = excluded.key_version, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by
				""")
			.param("listing", listingId)
			.param("intercom", this.box.encrypt(codes.intercom()))
			.param("flat", this.box.encrypt(codes.flat()))
			.param("safe", this.box.encrypt(codes.safe()))
			.param("version", this.box.version())
			.param("now", now())
			.param("actor", actor.id())
			.update();
		this.audit.record(actor.id(), "access-codes.changed", "listing", String.valueOf(listingId), Map.of());
	}

	/**
	 * Reveals the codes to staff whose scope covers the listing's owner, and logs the
	 * reveal.
	 * @throws ProblemException 404 when the listing is out of the actor's scope
	 */
	@Transactional
	public Optional<AccessCodeSet> revealToStaff(long listingId, long listingOwnerId, CurrentUser actor,
			String channel) {
		requireScope(listingOwnerId, actor);
		Optional<AccessCodeSet> codes = load(listingId);
		codes.ifPresent(c -> log(listingId, null, actor.id(), "STAFF", channel));
		return codes;
	}

	/**
	 * Reveals the codes to the guest of a booking and logs the reveal. The caller
	 * (booking) has checked that the booking is CONFIRMED or CHECKED_IN, is for this
	 * listing and belongs to {@code guestId}.
	 */
	@Transactional
	public Optional<AccessCodeSet> revealToGuest(long listingId, UUID bookingId, long guestId, String channel) {
		Optional<AccessCodeSet> codes = load(listingId);
		codes.ifPresent(c -> log(listingId, bookingId, guestId, "GUEST", channel));
		return codes;
	}

	private void requireScope(long listingOwnerId, CurrentUser actor) {
		if (!this.scopes.of(actor).coversListingOwner(listingOwnerId)) {
			throw ProblemException.notFound("listing.notFound");
		}
	}

	private Optional<AccessCodeSet> load(long listingId) {
		return this.jdbc
			.sql("select intercom, flat, safe, key_version from listing_access_codes where listing_id = :id")
			.param("id", listingId)
			.query((rs, row) -> {
				int version = rs.getInt("key_version");
				return new AccessCodeSet(this.box.decrypt(rs.getString("intercom"), version),
						this.box.decrypt(rs.getString("flat"), version),
						this.box.decrypt(rs.getString("safe"), version));
			})
			.optional()
			.filter(codes -> !codes.isEmpty());
	}

	private void log(long listingId, @Nullable UUID bookingId, long actorId, String audience, String channel) {
		this.jdbc.sql("""
				insert into access_code_reveals (at, listing_id, booking_id, actor_id, audience, channel)
				values (:now, :listing, :booking, :actor, :audience, :channel)
				""")
			.param("now", now())
			.param("listing", listingId)
			.param("booking", bookingId)
			.param("actor", actorId)
			.param("audience", audience)
			.param("channel", channel)
			.update();
		this.audit.record(actorId, "access-codes.revealed", "listing", String.valueOf(listingId),
				bookingId == null ? Map.of("audience", audience, "channel", channel)
						: Map.of("audience", audience, "channel", channel, "bookingId", bookingId.toString()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
