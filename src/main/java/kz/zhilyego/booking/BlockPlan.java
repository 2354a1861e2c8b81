package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which blocks an outside calendar's events call for, as a pure function: events are
 * clipped to today (earlier nights need no block) and to {@value #HORIZON_DAYS} days
 * ahead; overlapping events become one range (the occupancy relation allows no overlap,
 * and an event partly covered by another must still block all its nights), named by its
 * first event's key; nights something else occupies are cut out and reported as
 * conflicts, each remaining piece is a segment ({@code key}, {@code key#1}, ...).
 */
record BlockPlan(List<Segment> segments, List<Clash> conflicts, List<String> past) {

	/** Feeds list about a year ahead; further is ignored. */
	static final int HORIZON_DAYS = 730;

	record Segment(String key, LocalDate from, LocalDate to) {
	}

	/** Something occupying {@code [from, to)} that is not the feed's own block. */
	record Occupant(LocalDate from, LocalDate to, Object what) {
	}

	record Clash(String key, LocalDate from, LocalDate to, Occupant occupant) {
	}

	static BlockPlan of(List<ExternalBlocks.Wanted> wanted, List<Occupant> foreign, LocalDate today) {
		LocalDate horizon = today.plusDays(HORIZON_DAYS);
		List<String> past = new ArrayList<>();
		List<ExternalBlocks.Wanted> clipped = new ArrayList<>();
		for (ExternalBlocks.Wanted w : wanted) {
			LocalDate from = w.from().isBefore(today) ? today : w.from();
			LocalDate to = w.to().isAfter(horizon) ? horizon : w.to();
			if (!to.isAfter(from)) {
				if (!w.to().isAfter(today)) {
					past.add(w.key());
				}
				continue;
			}
			clipped.add(new ExternalBlocks.Wanted(w.key(), from, to));
		}
		clipped.sort(Comparator.comparing(ExternalBlocks.Wanted::from).thenComparing(ExternalBlocks.Wanted::key));
		List<Occupant> others = foreign.stream().sorted(Comparator.comparing(Occupant::from)).toList();
		List<Segment> segments = new ArrayList<>();
		List<Clash> clashes = new ArrayList<>();
		int i = 0;
		while (i < clipped.size()) {
			ExternalBlocks.Wanted first = clipped.get(i);
			LocalDate groupFrom = first.from();
			LocalDate groupTo = first.to();
			List<ExternalBlocks.Wanted> members = new ArrayList<>();
			members.add(first);
			i++;
			while (i < clipped.size() && clipped.get(i).from().isBefore(groupTo)) {
				ExternalBlocks.Wanted next = clipped.get(i);
				members.add(next);
				if (next.to().isAfter(groupTo)) {
					groupTo = next.to();
				}
				i++;
			}
			LocalDate cursor = groupFrom;
			int piece = 0;
			for (Occupant other : others) {
				if (!other.to().isAfter(groupFrom) || !other.from().isBefore(groupTo)) {
					continue;
				}
				if (other.from().isAfter(cursor)) {
					segments.add(new Segment(name(first.key(), piece++), cursor, other.from()));
				}
				if (other.to().isAfter(cursor)) {
					cursor = other.to();
				}
				for (ExternalBlocks.Wanted member : members) {
					if (member.from().isBefore(other.to()) && other.from().isBefore(member.to())) {
						clashes.add(new Clash(member.key(), max(member.from(), other.from()),
								min(member.to(), other.to()), other));
					}
				}
			}
			if (cursor.isBefore(groupTo)) {
				segments.add(new Segment(name(first.key(), piece), cursor, groupTo));
			}
		}
		return new BlockPlan(List.copyOf(segments), List.copyOf(clashes), List.copyOf(past));
	}

	private static String name(String key, int piece) {
		return piece == 0 ? key : key + "#" + piece;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
