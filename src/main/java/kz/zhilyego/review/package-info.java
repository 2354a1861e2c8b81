/**
 * Reviews and ratings: the guest of a COMPLETED booking rates the stay (1–5) once with an
 * optional comment; an automatic check (a small RU/KK/EN profanity list, links, phone
 * numbers, flooding) holds doubtful reviews back for moderation; the listing's realtor
 * (or the agency head) answers once and may edit the answer; the superuser hides and
 * restores reviews (audited); any signed-in user may complain once. Whenever the
 * published reviews of a listing change, its rating and review count are recomputed in
 * the same transaction through {@link kz.zhilyego.catalog.ListingRatings}.
 */
@NullMarked
package kz.zhilyego.review;

import org.jspecify.annotations.NullMarked;
