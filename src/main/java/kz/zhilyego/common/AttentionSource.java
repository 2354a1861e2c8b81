package kz.zhilyego.common;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A module's list of things a person has to look at, and the actions that resolve them,
 * shown together on the superuser's problems page ({@code /admin/problems}). Each module
 * that detects trouble implements it as a bean: payments flagged for a person and refunds
 * that failed (payment), bookings stuck in a state (booking), and later calendar and
 * webhook conflicts (integrations) and the payment provider's queue. The page audits
 * every action; the implementation does the work in its own module, with the same
 * services as everywhere else.
 */
public interface AttentionSource {

	/**
	 * A stable name of the source, e.g. {@code payments}; the first part of item keys.
	 */
	String name();

	/** The open entries, oldest first, at most {@code limit}. */
	List<Item> open(int limit);

	/** How many entries are open (for the overview badge). */
	long count();

	/**
	 * Carries out one of the item's actions for the superuser {@code actorId}.
	 * @param note the person's reason or note (required where {@link Action#needsNote})
	 * @return a short outcome for the page (a message key of the source's bundle and its
	 * arguments)
	 * @throws ProblemException 404 for an unknown item, 409 when the item changed, 400
	 * for a missing note or an unknown action
	 */
	Outcome act(String itemKey, String action, long actorId, @Nullable String note);

	/**
	 * One entry: what (a message key and arguments in the source's bundle), since when,
	 * which booking / payment / listing it concerns and what can be done.
	 *
	 * @param key unique within the source, stable while the entry is open
	 * @param kind a stable code of the kind of trouble, e.g. {@code amount_mismatch}
	 * @param link a page with more (a booking, a listing, a queue), if any
	 */
	record Item(String key, String kind, String titleKey, List<Object> titleArgs, Instant since,
			@Nullable String subjectType, @Nullable String subjectId, @Nullable String link, List<Action> actions,
			Map<String, String> details) {

		public Item {
			titleArgs = List.copyOf(titleArgs);
			actions = List.copyOf(actions);
			details = Map.copyOf(details);
		}

	}

	/**
	 * An action: a code, its button label (message key), whether a note is required
	 * (cancellations, "resolved by hand"), and whether it is dangerous (a refund, a
	 * cancellation: the page asks first).
	 */
	record Action(String code, String labelKey, boolean needsNote, boolean dangerous) {
	}

	/** What an action did, for the flash message; audited by the page. */
	record Outcome(String messageKey, List<Object> args, Map<String, Object> audit) {

		public Outcome {
			args = List.copyOf(args);
			audit = Map.copyOf(audit);
		}

	}

}
