/**
 * Demo data for the dev profile: on the first start of an empty database it loads a
 * realistic Astana data set (listings, photos, and as the modules land, users, bookings
 * and blocks).
 */
@NullMarked
package kz.zhilyego.demo;

import org.jspecify.annotations.NullMarked;
