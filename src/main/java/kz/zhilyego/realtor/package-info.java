/**
 * Realtor workspace: the staff side of listings (create and edit every field with
 * optimistic locking and a change history, activate and deactivate, photos with resized
 * variants, access codes), the availability calendar with blocks and per-date prices, the
 * bookings of listings in scope, analytics and CSV/XLSX exports. Everything is scoped by
 * {@link kz.zhilyego.identity.AccessScope}: a realtor works on own listings, a super
 * admin on the agency's, a superuser on all; anything else is "not found".
 */
@NullMarked
package kz.zhilyego.realtor;

import org.jspecify.annotations.NullMarked;
