package kz.zhilyego.web;

import java.net.URI;
import java.time.ZonedDateTime;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.common.Zones;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * "Add to calendar": one iCalendar event from check-in (the listing's check-in time) to
 * check-out, with the address and a link back to the booking. Written with ical4j.
 */
final class BookingCalendarFile {

	private BookingCalendarFile() {
	}

	static String of(BookingDetails booking, String summary, String description, URI bookingUrl) {
		ZonedDateTime start = booking.checkIn().atTime(booking.checkInTime()).atZone(Zones.KAZAKHSTAN);
		ZonedDateTime end = booking.checkOut().atTime(booking.checkOutTime()).atZone(Zones.KAZAKHSTAN);
		VEvent event = new VEvent(start.toInstant(), end.toInstant(), summary);
		event.add(new Uid(booking.id() + "@zhilyego.kz"));
		event.add(new Location(booking.address()));
		event.add(new Description(description));
		event.add(new Url(bookingUrl));
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//ZhilyeGO//Booking//RU"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(event);
		return calendar.toString();
	}

}
