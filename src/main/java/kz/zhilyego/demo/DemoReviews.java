package kz.zhilyego.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.StayHistory;
import kz.zhilyego.catalog.ListingRatings;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.DemoAccounts;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.review.GuestReviews;
import kz.zhilyego.review.Reviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo reviews: a few demo guests (password {@code demo12345}) with COMPLETED stays in
 * the past on some demo listings, reviewed through the review service (so the ratings are
 * recomputed from them), some answered by the demo realtor. The generated ratings of all
 * other demo listings are reset, so every rating on the demo site matches its reviews.
 * Past stays cannot be placed through the hold path (it refuses past dates); they are
 * recorded as history ({@link StayHistory}). Guests come from identity
 * ({@link DemoAccounts#guest}), reviews through the review service.
 */
@Component
@Profile("dev")
class DemoReviews {

	private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

	private static final int REVIEWED_LISTINGS = 14;

	private static final List<String> GUESTS = List.of("Данияр Ахметов", "Алия Нурланова", "Максим Ким",
			"Асель Жумабаева", "Тимур Сейткали", "Ольга Петрова");

	private static final List<String> GOOD = List.of("Очень уютно и чисто, всё как на фото. Обязательно вернёмся!",
			"Отличное расположение, до набережной пять минут пешком. Хозяйка на связи.",
			"Тёплая квартира, быстрый Wi-Fi, удобная кровать. Рекомендую.",
			"Заселились быстро, коды пришли вовремя. Тихий двор.", "Пәтер өте таза әрі жылы, бәрі ұнады. Рақмет!",
			"Great flat near the Baiterek, spotless and warm. Easy self check-in.",
			"Всё понравилось, особенно вид из окна на Байтерек.", "Хорошая кухня, есть всё для готовки.");

	private static final List<String> MIXED = List.of("В целом нормально, но в ванной слабый напор воды.",
			"Квартира хорошая, но шумно от дороги ночью.", "Немного не хватало посуды, в остальном всё хорошо.",
			"Fine for a short stay; the lift was slow.");

	private static final List<String> REPLIES = List.of("Спасибо за отзыв! Будем рады видеть вас снова.",
			"Благодарим! Учли замечание и уже всё исправили.", "Рақмет! Қайта келіңіз.");

	private final Reviews reviews;

	private final GuestReviews guestReviews;

	private final ListingRatings ratings;

	private final DemoAccounts accounts;

	private final UserDirectory users;

	private final StayHistory stays;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoReviews(Reviews reviews, GuestReviews guestReviews, ListingRatings ratings, DemoAccounts accounts,
			UserDirectory users, StayHistory stays, TransactionTemplate transactions, Clock clock) {
		this.reviews = reviews;
		this.guestReviews = guestReviews;
		this.ratings = ratings;
		this.accounts = accounts;
		this.users = users;
		this.stays = stays;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Generated listings come with made-up ratings; demo ratings come from reviews only.
	 */
	void clearRatings(List<Long> listingIds) {
		for (long listing : listingIds) {
			this.ratings.update(listing, BigDecimal.ZERO, 0);
		}
	}

	/**
	 * Loads the demo reviews (once, in one transaction) for freshly generated listings.
	 */
	void load(List<Long> listingIds, DemoAccounts.Ids ids, long seed) {
		Integer reviewed = this.transactions.execute(status -> {
			clearRatings(listingIds);
			Random random = new Random(seed);
			List<Long> guests = guests(ids);
			AccessScope realtor = new AccessScope(ids.realtor(), AccessScope.Kind.REALTOR, Set.of(ids.realtor()));
			LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
			int count = 0;
			for (int l = 0; l < Math.min(REVIEWED_LISTINGS, listingIds.size()); l++) {
				long listing = listingIds.get(l * Math.max(1, listingIds.size() / REVIEWED_LISTINGS));
				int perListing = 1 + random.nextInt(5);
				LocalDate checkOut = today.minusDays(3 + random.nextInt(10));
				for (int r = 0; r < perListing; r++) {
					long guest = guests.get(random.nextInt(guests.size()));
					LocalDate checkIn = checkOut.minusDays(1 + random.nextInt(4));
					UUID booking = completedStay(listing, guest, checkIn, checkOut);
					int stars = random.nextInt(10) < 7 ? 4 + random.nextInt(2) : 3;
					String comment = stars >= 4 ? GOOD.get(random.nextInt(GOOD.size()))
							: MIXED.get(random.nextInt(MIXED.size()));
					long id = this.reviews.submit(booking, guestScope(guest), stars, comment).id();
					backdate(id, checkOut);
					// the host rates the guest too, so both reviews are visible at once
					// (double-blind, docs/platform.md) and the host can reply
					this.guestReviews.submit(booking, realtor, 4 + random.nextInt(2),
							List.of(random.nextBoolean() ? "LEFT_CLEAN" : "RESPECTFUL"), null);
					if (random.nextInt(3) == 0) {
						this.reviews.reply(id, realtor, REPLIES.get(random.nextInt(REPLIES.size())));
					}
					count++;
					checkOut = checkIn.minusDays(2 + random.nextInt(20));
				}
			}
			// the demo user: two past stays still waiting for a review («Оставить отзыв»
			// in
			// the cabinet)
			for (int i = 0; i < 2 && i < listingIds.size(); i++) {
				LocalDate checkOut = today.minusDays(2 + i);
				completedStay(listingIds.get(listingIds.size() - 1 - i), ids.user(), checkOut.minusDays(2), checkOut);
			}
			return count;
		});
		log.info("Demo data: {} reviews on {} listings from completed stays", reviewed, REVIEWED_LISTINGS);
	}

	private List<Long> guests(DemoAccounts.Ids ids) {
		List<Long> guests = new ArrayList<>();
		guests.add(ids.user());
		for (int i = 0; i < GUESTS.size(); i++) {
			guests.add(this.accounts.guest("guest" + (i + 1) + "@demo.zhilyego.kz", "+7701000010" + i, GUESTS.get(i)));
		}
		return guests;
	}

	/** A past stay, booked a week before check-in and completed at noon of check-out. */
	private UUID completedStay(long listing, long guest, LocalDate checkIn, LocalDate checkOut) {
		UserProfile profile = this.users.find(guest).orElseThrow();
		Instant booked = checkIn.minusDays(7).atTime(LocalTime.NOON).atZone(Zones.KAZAKHSTAN).toInstant();
		return this.stays.recordCompleted(new StayHistory.CompletedStay(listing, guest, profile.name(), profile.phone(),
				profile.email(), new Stay(checkIn, checkOut), booked, booked,
				checkOut.atTime(LocalTime.NOON).atZone(Zones.KAZAKHSTAN).toInstant()));
	}

	/** A demo review is dated the day after its stay, not the day the demo was loaded. */
	private void backdate(long reviewId, LocalDate checkOut) {
		this.reviews.dateWritten(reviewId,
				checkOut.plusDays(1).atTime(LocalTime.of(19, 0)).atZone(Zones.KAZAKHSTAN).toInstant());
	}

	private static AccessScope guestScope(long userId) {
		return new AccessScope(userId, AccessScope.Kind.USER, Set.of());
	}

}
