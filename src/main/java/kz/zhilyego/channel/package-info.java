/**
 * Channel: bookings and calendars from outside, on the booking core. Connections (another
 * booking system that sends its bookings of some listings by signed webhooks, verified,
 * stored once and applied in order as external bookings through
 * {@link kz.zhilyego.booking.ExternalStays}); iCal export of every listing's occupied
 * nights and import of other platforms' feeds as blocks
 * ({@link kz.zhilyego.booking.ExternalBlocks}) by a cluster-safe job; guests someone else
 * booked (matched to an account or given a lightweight one, with a one-tap Telegram
 * link); conflict alerts to the realtor. The occupancy relation with its exclusion
 * constraint stays the single guarantee against double booking.
 */
@NullMarked
package kz.zhilyego.channel;

import org.jspecify.annotations.NullMarked;
