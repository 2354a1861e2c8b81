package kz.zhilyego.demo;

import java.util.List;

import kz.zhilyego.catalog.CatalogGenerator;
import kz.zhilyego.identity.DemoAccounts;
import kz.zhilyego.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final CatalogGenerator generator;

	private final DemoAccounts accounts;

	private final FileStorage storage;

	private final TransactionTemplate transactions;

	private final int listings;

	private final long seed;

	DemoData(JdbcClient jdbc, CatalogGenerator generator, DemoAccounts accounts, FileStorage storage,
			TransactionTemplate transactions, @Value("${zhilyego.demo.listings:240}") int listings,
			@Value("${zhilyego.demo.seed:20261122}") long seed) {
		this.jdbc = jdbc;
		this.generator = generator;
		this.accounts = accounts;
		this.storage = storage;
		this.transactions = transactions;
		this.listings = listings;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		// accounts first: listings need a real owner (the demo realtor)
		DemoAccounts.Ids ids = this.accounts.ensure();
		long existing = this.jdbc.sql("select count(*) from listings").query(Long.class).single();
		if (existing > 0) {
			log.info("Demo data: {} listings already there, nothing loaded", existing);
			return;
		}
		List<String> photos = PlaceholderPhotos.ensure(this.storage);
		this.transactions.executeWithoutResult(status -> {
			List<Long> listingIds = this.generator.generate(this.listings, List.of(ids.realtor()), photos, this.seed);
			log.info("Demo data: loaded {} Astana listings owned by realtor@demo.zhilyego.kz", listingIds.size());
		});
	}

}
