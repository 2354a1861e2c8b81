package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.NotificationProperties;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The iCal feed of a listing for Airbnb, Booking.com and any calendar: every occupied
 * night — confirmed stays and blocks, ours and imported — as an all-day busy event
 * ({@code DTSTART;VALUE=DATE}, exclusive {@code DTEND} = check-out day) with a UID that
 * stays the same as long as the booking or block exists
 * ({@code booking-<id>@zhilyego.kz}, {@code block-<id>@zhilyego.kz}) and nothing
 * personal: the summary is "Reserved" or "Not available". The feed is found by a secret
 * token in its URL; rotating it cuts off whoever had the old one.
 */
@Service
public class CalendarExport {

	static final String PROD_ID = "-//ZhilyeGO//Calendar 1.0//EN";

	/**
	 * Stays that ended this long ago still appear (platforms drop past nights anyway).
	 */
	private static final int PAST_DAYS = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final BookingQueries bookings;

	private final ListingAccess access;

	private final Clock clock;

	private final String baseUrl;

	CalendarExport(JdbcClient jdbc, BookingQueries bookings, ListingAccess access, Clock clock,
			NotificationProperties notifications) {
		this.jdbc = jdbc;
		this.bookings = bookings;
		this.access = access;
		this.clock = clock;
		this.baseUrl = notifications.publicBaseUrl();
	}

	/** A rendered feed and its entity tag. */
	public record Feed(String body, String etag) {
	}

	/** The listing's feed URL (made on first use). */
	@Transactional
	public String exportUrl(long listingId, CurrentUser user) {
		this.access.require(listingId, user);
		String token = this.jdbc.sql("select token from ical_feeds where listing_id = :listing")
			.param("listing", listingId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (token == null) {
			this.jdbc.sql("""
					insert into ical_feeds (listing_id, token, created_at) values (:listing, :token, :at)
					on conflict (listing_id) do nothing
					""")
				.param("listing", listingId)
				.param("token", newToken())
				.param("at", Instants.utc(this.clock.instant()))
				.update();
			token = this.jdbc.sql("select token from ical_feeds where listing_id = :listing")
				.param("listing", listingId)
				.query(String.class)
				.single();
		}
		return url(token);
	}

	/** A new token: the old URL answers 404 from now on. */
	@Transactional
	public String rotate(long listingId, CurrentUser user) {
		this.access.require(listingId, user);
		String token = newToken();
		this.jdbc.sql("""
				insert into ical_feeds (listing_id, token, created_at) values (:listing, :token, :at)
				on conflict (listing_id) do update set token = excluded.token, rotated_at = excluded.created_at
				""")
			.param("listing", listingId)
			.param("token", token)
			.param("at", Instants.utc(this.clock.instant()))
			.update();
		return url(token);
	}

	/** The feed behind a token; empty for an unknown one. */
	@Transactional(readOnly = true)
	public Optional<Feed> feed(String token) {
		if (token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("select listing_id from ical_feeds where token = :token")
			.param("token", token)
			.query(Long.class)
			.optional()
			.map(this::render);
	}

	private Feed render(long listingId) {
		LocalDate from = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)).minusDays(PAST_DAYS);
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PROD_ID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Method(Method.VALUE_PUBLISH));
		for (BookingQueries.Occupation occupation : this.bookings.occupations(listingId, from)) {
			boolean booking = occupation.kind().equals("BOOKING");
			VEvent event = new VEvent(occupation.from(), occupation.to(), booking ? "Reserved" : "Not available");
			event.replace(new DtStamp(occupation.since()));
			event.add(new Uid((booking ? "booking-" : "block-") + occupation.key() + "@zhilyego.kz"));
			calendar.add(event);
		}
		String body = calendar.toString();
		return new Feed(body,
				"\"" + ReceiveBooking.sha256(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"");
	}

	private String url(String token) {
		return this.baseUrl + "/ical/" + token + ".ics";
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
