/**
 * Booking: the lifecycle (HOLD → CONFIRMED → CHECKED_IN → COMPLETED, CANCELLED, EXPIRED),
 * holds with an expiry, the occupancy relation that makes double booking impossible,
 * realtor blocks, cancellation policy and refunds due. Every channel books through this
 * module; it publishes past-tense events after commit for the others.
 */
@NullMarked
package kz.zhilyego.booking;

import org.jspecify.annotations.NullMarked;
