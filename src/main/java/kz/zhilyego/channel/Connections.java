package kz.zhilyego.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Secrets;
import kz.zhilyego.notification.NotificationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connections of other booking systems: a realtor connects own listings, an agency head
 * the team's. The signing secret is made here, shown once in the answer to the creation
 * and kept only encrypted; the webhook URL names the connection.
 */
@Service
public class Connections {

	static final int MAX_LISTINGS = 200;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ListingAccess access;

	private final Secrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	private final String baseUrl;

	Connections(JdbcClient jdbc, ListingAccess access, Secrets secrets, AuditLog audit, Clock clock,
			NotificationProperties notifications) {
		this.jdbc = jdbc;
		this.access = access;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = notifications.publicBaseUrl();
	}

	/** What the creator gets once: where to send and the signing secret. */
	public record Created(UUID id, String name, String url, String secret) {
	}

	/** A listing of a connection and the sender's own id of it. */
	public record ConnectedListing(long listingId, @Nullable String externalId) {
	}

	/** A connection as the workspace lists it (never the secret). */
	public record Summary(UUID id, String name, String url, long createdBy, Instant createdAt,
			@Nullable Instant revokedAt, List<ConnectedListing> listings, @Nullable Instant lastEventAt) {

		public Summary {
			listings = List.copyOf(listings);
		}

	}

	/** A live connection as the webhook needs it. */
	record Active(UUID id, String name, long createdBy, String secret, List<ConnectedListing> listings) {
	}

	@Transactional
	public Created create(@Nullable String name, @Nullable List<Long> listingIds,
			@Nullable Map<String, Long> listingMap, CurrentUser user) {
		AccessScope scope = this.access.staffScope(user);
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw ProblemException.invalidField("name", "channel.connection.name");
		}
		Map<Long, String> listings = new LinkedHashMap<>();
		for (Long id : listingIds == null ? List.<Long>of() : listingIds) {
			if (id == null) {
				throw ProblemException.invalidField("listingIds", "channel.connection.listing", "null");
			}
			listings.putIfAbsent(id, null);
		}
		Map<String, Long> map = listingMap == null ? Map.of() : listingMap;
		for (Map.Entry<String, Long> entry : map.entrySet()) {
			String externalId = entry.getKey() == null ? "" : entry.getKey().strip();
			if (externalId.isEmpty() || externalId.length() > 200 || entry.getValue() == null) {
				throw ProblemException.invalidField("listingMap", "channel.connection.externalId");
			}
			if (listings.get(entry.getValue()) != null) {
				throw ProblemException.invalidField("listingMap", "channel.connection.externalIdTwice",
						entry.getValue());
			}
			listings.put(entry.getValue(), externalId);
		}
		if (listings.isEmpty()) {
			throw ProblemException.invalidField("listingIds", "channel.connection.noListings");
		}
		if (listings.size() > MAX_LISTINGS) {
			throw ProblemException.invalidField("listingIds", "channel.connection.tooManyListings", MAX_LISTINGS);
		}
		for (long id : listings.keySet()) {
			try {
				this.access.require(id, scope);
			}
			catch (ProblemException notFound) {
				throw ProblemException.invalidField("listingIds", "channel.connection.listing", id);
			}
		}
		UUID id = UUID.randomUUID();
		String secret = newSecret();
		Secrets.Sealed sealed = this.secrets.seal(secret);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into channel_connections (id, name, created_by, secret_ciphertext, secret_key_version, created_at)
					values (:id, :name, :by, :secret, :version, :at)
					""")
			.param("id", id)
			.param("name", cleanName)
			.param("by", user.id())
			.param("secret", sealed.ciphertext())
			.param("version", sealed.keyVersion())
			.param("at", Instants.utc(now))
			.update();
		listings.forEach((listingId, externalId) -> this.jdbc.sql("""
				insert into channel_connection_listings (connection_id, listing_id, external_id)
				values (:id, :listing, :external)
				""").param("id", id).param("listing", listingId).param("external", externalId).update());
		this.audit.record(user.id(), "channel.connection.created", "channel_connection", id.toString(),
				Map.of("name", cleanName, "listings", listings.size()));
		return new Created(id, cleanName, url(id), secret);
	}

	/** Connections in the caller's scope (own; a head's team's; the superuser all). */
	@Transactional(readOnly = true)
	public List<Summary> list(CurrentUser user) {
		AccessScope scope = this.access.staffScope(user);
		List<Long> owners = scope.listingOwnerIds().isEmpty() ? List.of(-1L) : List.copyOf(scope.listingOwnerIds());
		List<Summary> result = new ArrayList<>();
		this.jdbc
			.sql("""
					select c.id, c.name, c.created_by, c.created_at, c.revoked_at,
					       (select max(e.received_at) from channel_webhook_events e where e.connection_id = c.id) as last_event
					from channel_connections c
					where :platform or c.created_by in (:owners) or c.created_by = :me
					order by c.created_at desc, c.id
					limit 500
					""")
			.param("platform", scope.isPlatform())
			.param("owners", owners)
			.param("me", user.id())
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Summary(id, rs.getString("name"), url(id), rs.getLong("created_by"),
						Instants.read(rs, "created_at"), Instants.readOrNull(rs, "revoked_at"), List.of(),
						Instants.readOrNull(rs, "last_event"));
			})
			.list()
			.forEach(summary -> result.add(new Summary(summary.id(), summary.name(), summary.url(), summary.createdBy(),
					summary.createdAt(), summary.revokedAt(), listingsOf(summary.id()), summary.lastEventAt())));
		return result;
	}

	/** Stops a connection: its webhooks are refused from now on; its bookings stay. */
	@Transactional
	public void revoke(UUID id, CurrentUser user) {
		AccessScope scope = this.access.staffScope(user);
		Long creator = this.jdbc.sql("select created_by from channel_connections where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (creator == null
				|| !(scope.isPlatform() || creator == user.id() || scope.listingOwnerIds().contains(creator))) {
			throw ProblemException.notFound("channel.connection.notFound");
		}
		this.jdbc.sql("update channel_connections set revoked_at = coalesce(revoked_at, :at) where id = :id")
			.param("at", Instants.utc(this.clock.instant()))
			.param("id", id)
			.update();
		this.audit.record(user.id(), "channel.connection.revoked", "channel_connection", id.toString(), Map.of());
	}

	Optional<Active> active(UUID id) {
		record Row(String name, long createdBy, String ciphertext, int version) {
		}
		return this.jdbc.sql("""
				select name, created_by, secret_ciphertext, secret_key_version from channel_connections
				where id = :id and revoked_at is null
				""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString("name"), rs.getLong("created_by"), rs.getString("secret_ciphertext"),
					rs.getInt("secret_key_version")))
			.optional()
			.map(row -> new Active(id, row.name(), row.createdBy(),
					this.secrets.open(new Secrets.Sealed(row.ciphertext(), row.version())), listingsOf(id)));
	}

	/** The connection's name, for labels (any state). */
	Optional<String> name(UUID id) {
		return this.jdbc.sql("select name from channel_connections where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	private List<ConnectedListing> listingsOf(UUID id) {
		return this.jdbc.sql("""
				select listing_id, external_id from channel_connection_listings
				where connection_id = :id
				order by listing_id
				""")
			.param("id", id)
			.query((rs, n) -> new ConnectedListing(rs.getLong("listing_id"), rs.getString("external_id")))
			.list();
	}

	String url(UUID id) {
		return this.baseUrl + "/api/v1/integrations/" + id + "/bookings";
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
