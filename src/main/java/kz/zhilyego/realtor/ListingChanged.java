package kz.zhilyego.realtor;

import java.util.List;

/**
 * A listing was created or changed by staff ({@code action}: CREATED, UPDATED, SUBMITTED,
 * ACTIVATED, PHOTO_ADDED, PRICES_CHANGED, moderation outcomes…), with the names of the
 * changed fields; {@code changeId} is its row in the listing's history. Published in the
 * changing transaction.
 */
public record ListingChanged(long listingId, long changeId, long actorId, String action, List<String> fields) {
}
