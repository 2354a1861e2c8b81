package kz.zhilyego.feedback;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.notification.NotificationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public review sites a happy guest is sent to — 2GIS, Google Maps, Yandex Maps and
 * our own review form — set per listing by its realtor, or for the whole agency by its
 * head; a listing without its own settings uses its agency's.
 */
@Service
public class ReviewLinks {

	private final JdbcClient jdbc;

	private final StayQuotes listings;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final Clock clock;

	private final String baseUrl;

	ReviewLinks(JdbcClient jdbc, StayQuotes listings, AccessScopes scopes, UserDirectory users, Clock clock,
			NotificationProperties notifications) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.scopes = scopes;
		this.users = users;
		this.clock = clock;
		this.baseUrl = notifications.publicBaseUrl();
	}

	/** The settings: each address https://…, or null for none. */
	public record Links(@Nullable String twoGis, @Nullable String googleMaps, @Nullable String yandexMaps,
			boolean ownForm) {

		public static final Links DEFAULT = new Links(null, null, null, true);

	}

	/** A site to send a guest to. */
	public record Site(String code, String url) {
	}

	@Transactional(readOnly = true)
	public Links ofListing(long listingId, CurrentUser user) {
		requireListing(listingId, user);
		return find("listing_id", listingId).orElse(Links.DEFAULT);
	}

	@Transactional
	public Links updateListing(long listingId, Links links, CurrentUser user) {
		requireListing(listingId, user);
		return save("listing_id", listingId, links, user);
	}

	@Transactional(readOnly = true)
	public Links ofAgency(CurrentUser user) {
		return find("agency_id", requireAgency(user)).orElse(Links.DEFAULT);
	}

	@Transactional
	public Links updateAgency(Links links, CurrentUser user) {
		return save("agency_id", requireAgency(user), links, user);
	}

	/** Where a guest of this booking is sent: the listing's sites, else the agency's. */
	@Transactional(readOnly = true)
	public List<Site> sitesFor(BookingDetails booking) {
		Links links = find("listing_id", booking.listingId()).orElseGet(() -> this.users.find(booking.ownerId())
			.map(owner -> owner.agencyId())
			.flatMap(agency -> agency == null ? Optional.<Links>empty() : find("agency_id", agency))
			.orElse(Links.DEFAULT));
		List<Site> sites = new ArrayList<>();
		if (links.twoGis() != null) {
			sites.add(new Site("2gis", links.twoGis()));
		}
		if (links.googleMaps() != null) {
			sites.add(new Site("google", links.googleMaps()));
		}
		if (links.yandexMaps() != null) {
			sites.add(new Site("yandex", links.yandexMaps()));
		}
		if (links.ownForm()) {
			sites.add(new Site("own", this.baseUrl + "/account/bookings/" + booking.id() + "/review"));
		}
		return sites;
	}

	private Optional<Links> find(String column, long id) {
		return this.jdbc
			.sql("select two_gis_url, google_maps_url, yandex_maps_url, own_form from feedback_review_links" + " where "
					+ column + " = :id")
			.param("id", id)
			.query((rs, n) -> new Links(rs.getString("two_gis_url"), rs.getString("google_maps_url"),
					rs.getString("yandex_maps_url"), rs.getBoolean("own_form")))
			.optional();
	}

	private Links save(String column, long id, Links links, CurrentUser user) {
		Links clean = new Links(url("twoGis", links.twoGis()), url("googleMaps", links.googleMaps()),
				url("yandexMaps", links.yandexMaps()), links.ownForm());
		// column is one of two constants, never input
		this.jdbc.sql("insert into feedback_review_links (" + column
				+ ", two_gis_url, google_maps_url, yandex_maps_url,"
				+ " own_form, updated_by, updated_at) values (:id, :twoGis, :google, :yandex, :own, :by, :at)"
				+ " on conflict (" + column + ") do update set two_gis_url = excluded.two_gis_url,"
				+ " google_maps_url = excluded.google_maps_url, yandex_maps_url = excluded.yandex_maps_url,"
				+ " own_form = excluded.own_form, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
			.param("id", id)
			.param("twoGis", clean.twoGis())
			.param("google", clean.googleMaps())
			.param("yandex", clean.yandexMaps())
			.param("own", clean.ownForm())
			.param("by", user.id())
			.param("at", Instants.utc(this.clock.instant()))
			.update();
		return clean;
	}

	private static @Nullable String url(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String url = value.strip();
		try {
			URI uri = URI.create(url);
			if (url.length() > 500 || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				throw ProblemException.invalidField(field, "feedback.links.url");
			}
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalidField(field, "feedback.links.url");
		}
		return url;
	}

	private void requireListing(long listingId, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("realtor.staffOnly");
		}
		this.listings.listing(listingId)
			.filter(listing -> scope.coversListingOwner(listing.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

	private static long requireAgency(CurrentUser user) {
		if (!user.has(Role.SUPER_ADMIN) || user.agencyId() == null) {
			throw ProblemException.forbidden("feedback.links.agencyHeadOnly");
		}
		return user.agencyId();
	}

}
