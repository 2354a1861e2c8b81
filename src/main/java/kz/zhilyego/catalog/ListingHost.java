package kz.zhilyego.catalog;

import java.math.BigDecimal;

/**
 * Who offers a listing, in the catalog's numbers: the owner (a realtor) and their active
 * listings with the rating over all of them (each listing's rating weighted by its review
 * count). Names, the agency and contacts come from identity, under its rules.
 *
 * @param ownerId the realtor who owns the listing
 * @param activeListings the owner's listings open for booking
 * @param rating the owner's average rating over published reviews; 0 without reviews
 * @param reviewCount published reviews of the owner's active listings
 * @param contactPhone the phone the realtor gave for this listing's guests (E.164); who
 * may see it is the caller's rule to apply
 */
public record ListingHost(long ownerId, long activeListings, BigDecimal rating, int reviewCount, String contactPhone) {
}
