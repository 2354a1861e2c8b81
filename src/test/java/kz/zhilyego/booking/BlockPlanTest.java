package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class BlockPlanTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static ExternalBlocks.Wanted event(String key, int from, int to) {
		return new ExternalBlocks.Wanted(key, LocalDate.of(2026, 12, from), LocalDate.of(2026, 12, to));
	}

	@Test
	void eachEventIsOneSegmentNamedByItsKeyAndAdjacentOnesStaySeparate() {
		BlockPlan plan = BlockPlan.of(List.of(event("a", 10, 13), event("b", 13, 15)), List.of(), TODAY);

		assertThat(plan.segments())
			.extracting(BlockPlan.Segment::key, s -> s.from().getDayOfMonth(), s -> s.to().getDayOfMonth())
			.containsExactly(tuple("a", 10, 13), tuple("b", 13, 15));
		assertThat(plan.conflicts()).isEmpty();
	}

	@Test
	void overlappingEventsBecomeOneRangeSoEveryNightIsBlocked() {
		BlockPlan plan = BlockPlan.of(List.of(event("b", 12, 16), event("a", 10, 13)), List.of(), TODAY);

		assertThat(plan.segments())
			.extracting(BlockPlan.Segment::key, s -> s.from().getDayOfMonth(), s -> s.to().getDayOfMonth())
			.containsExactly(tuple("a", 10, 16));
	}

	@Test
	void nightsTakenHereAreCutOutAndReportedAsConflictsTheRestIsStillBlocked() {
		BlockPlan.Occupant booking = new BlockPlan.Occupant(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 14),
				"our booking");

		BlockPlan plan = BlockPlan.of(List.of(event("a", 10, 16)), List.of(booking), TODAY);

		assertThat(plan.segments())
			.extracting(BlockPlan.Segment::key, s -> s.from().getDayOfMonth(), s -> s.to().getDayOfMonth())
			.containsExactly(tuple("a", 10, 12), tuple("a#1", 14, 16));
		assertThat(plan.conflicts()).singleElement().satisfies(clash -> {
			assertThat(clash.key()).isEqualTo("a");
			assertThat(clash.from()).isEqualTo(LocalDate.of(2026, 12, 12));
			assertThat(clash.to()).isEqualTo(LocalDate.of(2026, 12, 14));
			assertThat(clash.occupant().what()).isEqualTo("our booking");
		});
	}

	@Test
	void pastNightsAreLeftAloneAndAnEventThatEndedIsPast() {
		BlockPlan plan = BlockPlan.of(
				List.of(new ExternalBlocks.Wanted("ended", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25)),
						new ExternalBlocks.Wanted("now", LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 3))),
				List.of(), TODAY);

		assertThat(plan.past()).containsExactly("ended");
		assertThat(plan.segments()).extracting(BlockPlan.Segment::key, BlockPlan.Segment::from, BlockPlan.Segment::to)
			.containsExactly(tuple("now", TODAY, LocalDate.of(2026, 12, 3)));
	}

	@Test
	void anEventWhollyOnTakenNightsBlocksNothingAndIsAConflict() {
		BlockPlan.Occupant block = new BlockPlan.Occupant(LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 20),
				"realtor block");

		BlockPlan plan = BlockPlan.of(List.of(event("a", 10, 13)), List.of(block), TODAY);

		assertThat(plan.segments()).isEmpty();
		assertThat(plan.conflicts()).extracting(BlockPlan.Clash::key).containsExactly("a");
	}

}
