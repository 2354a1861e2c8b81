package kz.zhilyego.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalog settings.
 *
 * @param maxStayNights longest stay that can be searched, quoted or booked
 * @param defaultPageSize search page size when none is asked for
 * @param maxPageSize largest page size a client may ask for
 * @param occupiedDaysAhead how far ahead the public card lists occupied dates
 * @param bookingHorizonDays how many days ahead a stay or a block may start (default
 * 730): later dates are a field error everywhere a stay is searched, quoted, held,
 * received from an outside service or blocked. Besides sense, this keeps each listing's
 * bitmap of occupied nights (V70) short: a hold in year 9999 made it longer than a search
 * index entry can hold, and the hold failed with a database error
 * @param countCap search counts matches up to this many; beyond it the total is reported
 * as a lower bound ({@code totalExact=false}), see docs/adr/0004
 * @param popular how the home page ranks popular listings ({@link PopularListings})
 */
@ConfigurationProperties("zhilyego.catalog")
public record CatalogProperties(int maxStayNights, int defaultPageSize, int maxPageSize, int occupiedDaysAhead,
		int bookingHorizonDays, int countCap, @DefaultValue Popular popular) {

	/**
	 * The Bayesian ranking of popular listings.
	 *
	 * @param minReviews published reviews a listing needs to be ranked at all (default 3)
	 * @param priorWeight how many reviews' worth of the platform average every listing
	 * starts with (default 10): the larger, the more reviews it takes to stand out
	 */
	public record Popular(int minReviews, int priorWeight) {

		public Popular {
			minReviews = minReviews > 0 ? minReviews : 3;
			priorWeight = priorWeight > 0 ? priorWeight : 10;
		}

	}

	public CatalogProperties {
		maxStayNights = maxStayNights > 0 ? maxStayNights : 90;
		defaultPageSize = defaultPageSize > 0 ? defaultPageSize : 20;
		maxPageSize = maxPageSize > 0 ? maxPageSize : 100;
		occupiedDaysAhead = occupiedDaysAhead > 0 ? occupiedDaysAhead : 365;
		bookingHorizonDays = bookingHorizonDays > 0 ? bookingHorizonDays : 730;
		countCap = countCap > 0 ? countCap : 1000;
	}

}
