package kz.zhilyego.catalog;

import java.time.LocalTime;

/**
 * What booking needs to know about a listing to place a hold: who owns it, whether it can
 * be booked, how many guests it sleeps and how it is priced.
 */
public record BookableListing(long id, long ownerId, String title, boolean active, int sleepingPlaces,
		LocalTime checkInTime, LocalTime checkOutTime, StayPricing pricing) {
}
