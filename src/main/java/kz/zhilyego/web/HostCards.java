package kz.zhilyego.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.ListingHost;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.ReviewQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the listing page's {@link HostCard} from the catalog (owner, listings, rating),
 * identity (name, agency), the listing's contact phone, reviews (answer time) and, for
 * the contact rules, the viewer's bookings.
 */
@Component
class HostCards {

	private final ListingCatalog catalog;

	private final AgencyTeam agencies;

	private final ReviewQueries reviews;

	private final BookingQueries bookings;

	private final Texts texts;

	HostCards(ListingCatalog catalog, AgencyTeam agencies, ReviewQueries reviews, BookingQueries bookings,
			Texts texts) {
		this.catalog = catalog;
		this.agencies = agencies;
		this.reviews = reviews;
		this.bookings = bookings;
		this.texts = texts;
	}

	Optional<HostCard> of(long listingId, String listingTitle, String listingUrl, @Nullable CurrentUser viewer) {
		Optional<ListingHost> found = this.catalog.host(listingId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ListingHost host = found.get();
		// the owner's name and their agency's in one statement
		Optional<AgencyTeam.NameWithAgency> owner = this.agencies.nameWithAgency(host.ownerId());
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		AgencyTeam.NameWithAgency realtor = owner.get();
		return Optional.of(new HostCard(realtor.name(), realtor.agencyName(), host.activeListings(), host.rating(),
				host.reviewCount(), this.reviews.replyTime(host.ownerId()).orElse(null),
				contact(listingId, listingTitle, listingUrl, host.contactPhone(), viewer)));
	}

	private HostCard.Contact contact(long listingId, String title, String url, String phone,
			@Nullable CurrentUser viewer) {
		if (viewer == null) {
			return HostCard.Contact.hidden("sign-in");
		}
		boolean paidGuest = !viewer.isStaff() && this.bookings.ofGuest(viewer.id(), BookingStatus.ACTIVE_STAYS)
			.stream()
			.anyMatch(booking -> booking.listingId() == listingId);
		if (!viewer.isStaff() && !paidGuest) {
			return HostCard.Contact.hidden("after-payment");
		}
		String digits = phone.replaceAll("\\D", "");
		String greeting = this.texts.get("web.host.whatsAppText", title, url);
		return new HostCard.Contact(true, null, phone,
				"https://wa.me/" + digits + "?text="
						+ URLEncoder.encode(greeting, StandardCharsets.UTF_8).replace("+", "%20"),
				"https://t.me/+" + digits);
	}

}
