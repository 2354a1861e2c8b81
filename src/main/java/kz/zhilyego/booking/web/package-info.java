/**
 * Booking's HTTP API: holds, booking views, cancellation and stay marks (JSON).
 */
@NullMarked
package kz.zhilyego.booking.web;

import org.jspecify.annotations.NullMarked;
