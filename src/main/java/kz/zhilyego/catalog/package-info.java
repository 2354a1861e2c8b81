/**
 * Catalog: reference data (cities, districts, housing classes and types, amenities),
 * listings with photos and per-night prices, availability search, the public listing card
 * and stay quotes. Booking asks the catalog for prices
 * ({@link kz.zhilyego.catalog.StayQuotes}); the catalog reads the occupancy relation
 * (written by booking) to filter free listings.
 */
@NullMarked
package kz.zhilyego.catalog;

import org.jspecify.annotations.NullMarked;
