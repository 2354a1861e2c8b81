package kz.zhilyego.admin;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.MutableClock;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.StartPayment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small platform for the admin tests: two agencies (Альфа: head and a realtor; Бета:
 * head and a realtor), an independent realtor, two guests and a superuser, listings, and
 * bookings paid through the sandbox provider, so the ledger holds what the real flow
 * books. Times come from the test clock (users' creation too).
 */
final class AdminFixtures {

	final JdbcClient jdbc;

	final MutableClock clock;

	final IdentityFixtures identity;

	final CatalogFixtures catalog;

	private final BookingFixtures bookings;

	private final StartPayment payments;

	private final Api api;

	long agencyA;

	long agencyB;

	long headA;

	long realtorA;

	long headB;

	long realtorB;

	long independent;

	long guest1;

	long guest2;

	long superuser;

	AdminFixtures(ApplicationContext context, Api api) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.clock = context.getBean(MutableClock.class);
		this.identity = new IdentityFixtures(context);
		this.catalog = new CatalogFixtures(this.jdbc, this.clock);
		this.bookings = new BookingFixtures(context.getBean(PlaceHold.class));
		this.payments = context.getBean(StartPayment.class);
		this.api = api;
	}

	/** The people; every account created "now" on the test clock. */
	AdminFixtures people() {
		this.agencyA = this.identity.agency("Альфа");
		this.agencyB = this.identity.agency("Бета");
		this.headA = this.identity.superAdmin("head-a@test.kz", this.agencyA);
		this.realtorA = this.identity.realtor("realtor-a@test.kz", this.agencyA);
		this.headB = this.identity.superAdmin("head-b@test.kz", this.agencyB);
		this.realtorB = this.identity.realtor("realtor-b@test.kz", this.agencyB);
		this.independent = this.identity.realtor("solo@test.kz", null);
		this.guest1 = this.identity.user("guest1@test.kz");
		this.guest2 = this.identity.user("guest2@test.kz");
		this.superuser = this.identity.superuser("root@test.kz");
		this.jdbc.sql("update users set created_at = :now").param("now", Timestamp.from(this.clock.instant())).update();
		this.jdbc.sql("update users set name = 'Гость Один' where id = :id").param("id", this.guest1).update();
		this.jdbc.sql("update users set name = 'Гость Два' where id = :id").param("id", this.guest2).update();
		return this;
	}

	long listing(long owner, String title, long price) {
		return this.catalog.listing().owner(owner).title(title).price(price).create();
	}

	/** A hold paid in the sandbox: CONFIRMED, its ledger set booked now. */
	UUID paid(long listing, long guest, String checkIn, String checkOut) {
		BookingDetails hold = this.bookings.hold(listing, LocalDate.parse(checkIn), LocalDate.parse(checkOut), guest);
		Payment payment = this.payments.start(hold.id(), guest, "key-" + hold.id()).payment();
		Api.Response pay = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "");
		assertThat(pay.status()).isEqualTo(303);
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", hold.id())
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
		return hold.id();
	}

	UUID hold(long listing, long guest, String checkIn, String checkOut) {
		return this.bookings.hold(listing, LocalDate.parse(checkIn), LocalDate.parse(checkOut), guest).id();
	}

	String bearer(long user) {
		return this.identity.bearer(user);
	}

}
