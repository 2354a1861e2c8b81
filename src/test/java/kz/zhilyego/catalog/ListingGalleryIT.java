package kz.zhilyego.catalog;

import java.util.List;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The photo rows catalog keeps for the listing editor: order and main photo, the files a
 * removal frees (never one another row still shows), and writes only inside the caller's
 * transaction (which holds the listing's lock).
 */
@IntegrationTest
class ListingGalleryIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ListingGallery gallery;

	@Autowired
	PlatformTransactionManager transactions;

	CatalogFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.fixtures = new CatalogFixtures(this.jdbc);
	}

	@Test
	void aRemovalFreesOnlyFilesNoOtherPhotoShowsAndTheFirstLeftBecomesMain() {
		long listing = this.fixtures.listing().create();
		long other = this.fixtures.listing().create();
		inTransaction(() -> {
			this.gallery.add(listing, List.of(photo("own"), photo("shared")));
			this.gallery.add(other, List.of(photo("shared")));
		});
		List<ListingGallery.Photo> photos = this.gallery.photos(listing);
		assertThat(photos).extracting(ListingGallery.Photo::position).containsExactly(0, 1);
		assertThat(photos).extracting(ListingGallery.Photo::main).containsExactly(true, false);

		List<String> freed = inTransactionGet(() -> this.gallery.remove(listing, photos.get(0).id()));

		assertThat(freed).containsExactly("own-card", "own-thumb", "own-full");
		assertThat(this.gallery.photos(listing)).singleElement().satisfies(p -> {
			assertThat(p.storageKey()).isEqualTo("shared-card");
			assertThat(p.main()).isTrue();
		});
		assertThat(inTransactionGet(() -> this.gallery.remove(listing, photos.get(1).id())))
			.as("the other listing still shows these files")
			.isEmpty();
		assertThat(this.gallery.count(listing)).isZero();
		assertThat(this.gallery.count(other)).isOne();
	}

	@Test
	void writesJoinTheCallersTransactionAndNeverRunWithoutOne() {
		long listing = this.fixtures.listing().create();

		assertThatThrownBy(() -> this.gallery.add(listing, List.of(photo("loose"))))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(this.gallery.count(listing)).isZero();
	}

	private static ListingGallery.NewPhoto photo(String name) {
		return new ListingGallery.NewPhoto(name + "-card", name + "-thumb", name + "-full", "image/webp", 800, 600,
				1000);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> work.run());
	}

	private <T> T inTransactionGet(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactions).execute(status -> work.get());
	}

}
