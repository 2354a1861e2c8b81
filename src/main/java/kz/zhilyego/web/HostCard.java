package kz.zhilyego.web;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The host of a listing as the listing page shows it before booking: the realtor's name
 * and agency, their active listings, rating and how fast they answer reviews, and how to
 * write to them. Contacts follow the visibility rules of the product specification: a
 * visitor who is not signed in sees none; a signed-in guest sees the realtor's contacts
 * once they have a paid (CONFIRMED or CHECKED_IN) booking of this listing; realtors,
 * agency heads and the platform owner see them.
 *
 * @param name the realtor's name
 * @param agencyName the realtor's agency, if any
 * @param listings the realtor's active listings
 * @param rating the realtor's average rating over published reviews (0 without reviews)
 * @param reviewCount published reviews of the realtor's active listings
 * @param replyTime median time to answer a review; null when none was answered
 * @param contact how the viewer may write to the host
 */
record HostCard(String name, @Nullable String agencyName, long listings, BigDecimal rating, int reviewCount,
		@Nullable Duration replyTime, Contact contact) {

	/**
	 * The "write to the host" entry point for this viewer. Until the platform has its own
	 * chat it leads to WhatsApp and Telegram, and only when the contacts may be shown.
	 *
	 * @param visible whether the viewer may see the realtor's contacts
	 * @param reason why not, when not: {@code sign-in} (not signed in) or
	 * {@code after-payment} (no paid booking of this listing)
	 * @param phone the realtor's phone (E.164), when visible
	 * @param whatsAppUrl a WhatsApp chat with a first line about the listing, when
	 * visible
	 * @param telegramUrl a Telegram chat by phone number, when visible
	 */
	record Contact(boolean visible, @Nullable String reason, @Nullable String phone, @Nullable String whatsAppUrl,
			@Nullable String telegramUrl) {

		static Contact hidden(String reason) {
			return new Contact(false, reason, null, null, null);
		}

	}

}
