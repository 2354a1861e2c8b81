/**
 * The booking chat's API ({@code /api/v1/bookings/{id}/messages}) and pages
 * ({@code /bookings/{id}/chat}) for guest, realtor and readers in scope.
 */
@NullMarked
package kz.zhilyego.chat.web;

import org.jspecify.annotations.NullMarked;
