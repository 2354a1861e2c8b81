package kz.zhilyego.demo;

import java.util.List;

import kz.zhilyego.catalog.CatalogGenerator;
import kz.zhilyego.identity.DemoAccounts;
import kz.zhilyego.storage.FileStorage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;

import kz.zhilyego.booking.BlockReason;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.ConfirmPayment;
import kz.zhilyego.booking.ListingBlocks;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on the first start of an empty database in the dev profile: the
 * demo accounts (every role, password {@code demo12345}) first, then listings owned by
 * the demo realtor. Runs in one transaction: either the whole set is there or none of it.
 */
@Component
@Profile("dev")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final int DEMO_OCCUPIED = 30;

	private static final int TEAM_LISTINGS = 12;

	private final CatalogGenerator generator;

	private final DemoAccounts accounts;

	private final FileStorage storage;

	private final TransactionTemplate transactions;

	private final int listings;

	private final long seed;

	private final PlaceHold placeHold;

	private final ConfirmPayment confirmPayment;

	private final ListingBlocks blocks;

	private final Clock clock;

	private final DemoReviews reviews;

	DemoData(CatalogGenerator generator, DemoAccounts accounts, FileStorage storage, TransactionTemplate transactions,
			DemoProperties properties, PlaceHold placeHold, ConfirmPayment confirmPayment, ListingBlocks blocks,
			Clock clock, DemoReviews reviews) {
		this.reviews = reviews;
		this.placeHold = placeHold;
		this.confirmPayment = confirmPayment;
		this.blocks = blocks;
		this.clock = clock;
		this.generator = generator;
		this.accounts = accounts;
		this.storage = storage;
		this.transactions = transactions;
		this.listings = properties.listings();
		this.seed = properties.seed();
	}

	@Override
	public void run(ApplicationArguments args) {
		// accounts first: listings need a real owner (the demo realtor)
		DemoAccounts.Ids ids = this.accounts.ensure();
		long existing = this.generator.countListings();
		if (existing > 0) {
			log.info("Demo data: {} listings already there, nothing loaded", existing);
			ensureTeam(ids);
			return;
		}
		List<String> photos = PlaceholderPhotos.ensure(this.storage);
		List<Long> listingIds = this.transactions.execute(status -> {
			List<Long> created = this.generator.generate(this.listings, List.of(ids.realtor()), photos, this.seed);
			log.info("Demo data: loaded {} Astana listings owned by realtor@demo.zhilyego.kz", created.size());
			return created;
		});
		occupySome(listingIds == null ? List.of() : listingIds, ids);
		ensureTeam(ids);
		this.reviews.load(listingIds == null ? List.of() : listingIds, ids, this.seed);
	}

	/**
	 * The further realtors of the demo agency get a few listings and bookings of their
	 * own (also on a database loaded before they existed), so the agency head's team page
	 * has realtors to compare.
	 */
	private void ensureTeam(DemoAccounts.Ids ids) {
		List<String> photos = PlaceholderPhotos.ensure(this.storage);
		for (long realtor : ids.team()) {
			if (this.generator.countListingsOf(realtor) > 0) {
				continue;
			}
			List<Long> created = this.transactions.execute(
					status -> this.generator.generate(TEAM_LISTINGS, List.of(realtor), photos, this.seed + realtor));
			this.reviews.clearRatings(created == null ? List.of() : created);
			int bookings = book(created == null ? List.of() : created, ids, new Random(this.seed + realtor));
			log.info("Demo data: {} listings and {} bookings for team realtor {}", TEAM_LISTINGS, bookings, realtor);
		}
	}

	private int book(List<Long> listingIds, DemoAccounts.Ids ids, Random random) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		int bookings = 0;
		for (long listing : listingIds) {
			LocalDate from = today.plusDays(3 + random.nextInt(40));
			LocalDate to = from.plusDays(1 + random.nextInt(4));
			try {
				BookingDetails hold = this.placeHold.place(new PlaceHold.Request(listing, from, to, 1, "Айгерим Демо",
						"+77010000001", "user@demo.zhilyego.kz", true, null), ids.user(), null);
				this.confirmPayment.confirm(hold.id(), "demo-" + hold.id(), new Money(hold.total(), hold.currency()));
				bookings++;
			}
			catch (ProblemException taken) {
				log.debug("Demo data: skipped {} {}–{}: {}", listing, from, to, taken.messageKey());
			}
		}
		return bookings;
	}

	/**
	 * Some calendars are not empty: confirmed stays of the demo user and realtor blocks,
	 * placed through the booking services like any other booking (so their rules and
	 * events apply).
	 */
	private void occupySome(List<Long> listingIds, DemoAccounts.Ids ids) {
		Random random = new Random(this.seed);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		AccessScope realtor = new AccessScope(ids.realtor(), AccessScope.Kind.REALTOR, Set.of(ids.realtor()));
		int bookings = 0;
		int blocks = 0;
		for (int i = 0; i < Math.min(DEMO_OCCUPIED, listingIds.size()); i++) {
			long listing = listingIds.get(random.nextInt(listingIds.size()));
			LocalDate from = today.plusDays(3 + random.nextInt(60));
			LocalDate to = from.plusDays(1 + random.nextInt(5));
			try {
				if (i % 3 == 2) {
					this.blocks.create(listing, from, to, BlockReason.MAINTENANCE, "Демо: уборка", realtor);
					blocks++;
				}
				else {
					BookingDetails hold = this.placeHold.place(new PlaceHold.Request(listing, from, to, 1,
							"Айгерим Демо", "+77010000001", "user@demo.zhilyego.kz", true, null), ids.user(), null);
					this.confirmPayment.confirm(hold.id(), "demo-" + hold.id(),
							new Money(hold.total(), hold.currency()));
					bookings++;
				}
			}
			catch (ProblemException taken) {
				// a random pick overlapped an earlier one: skip it, the set is
				// illustrative
				log.debug("Demo data: skipped {} {}–{}: {}", listing, from, to, taken.messageKey());
			}
		}
		log.info("Demo data: {} confirmed bookings and {} blocks", bookings, blocks);
	}

}
