package kz.zhilyego.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which transactions may read the replica: only those of @ReplicaReads methods. */
class ReplicaRoutingTest {

	@Test
	void onlyReplicaReadsMethodsAreEligible() {
		assertThat(ReplicaRouting.annotated("kz.zhilyego.catalog.ListingSearch.search")).isTrue();
		assertThat(ReplicaRouting.annotated("kz.zhilyego.catalog.ListingCatalog.publicCard")).isTrue();
		assertThat(ReplicaRouting.annotated("kz.zhilyego.realtor.RealtorAnalytics.summary")).isTrue();
		// a hold and its checks, staff reads: the primary
		assertThat(ReplicaRouting.annotated("kz.zhilyego.booking.PlaceHold.place")).isFalse();
		assertThat(ReplicaRouting.annotated("kz.zhilyego.catalog.ListingCatalog.find")).isFalse();
		assertThat(ReplicaRouting.annotated("kz.zhilyego.NoSuchClass.method")).isFalse();
		assertThat(ReplicaRouting.annotated("noDots")).isFalse();
	}

}
