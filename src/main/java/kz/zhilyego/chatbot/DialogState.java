package kz.zhilyego.chatbot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where one chat is: the search filters, the booking being made, message ids of named
 * slots and long action payloads. Stored as JSON in {@code chat_dialogs.state}; a working
 * copy that one turn changes (turns of a chat never run at once), hence mutable fields.
 */
public final class DialogState {

	/** A deep-link payload waiting for the phone contact ({@code listing-42}). */
	public @Nullable String pendingStart;

	public Search search = new Search();

	public Booking booking = new Booking();

	/**
	 * The feedback request whose "what could we do better?" the next message answers.
	 */
	public @Nullable Long awaitingFeedback;

	/** The booking whose chat the next message answers (a tap on "Reply"). */
	public @Nullable String awaitingChatReply;

	/** Message ids of named messages (the search panel, holds): slot → id. */
	public Map<String, Integer> refs = new LinkedHashMap<>();

	/** Action payloads longer than a button may carry: token → payload. */
	public Map<String, String> tokens = new LinkedHashMap<>();

	/** The search filters; null = any. */
	public static final class Search {

		public String city = "astana";

		public @Nullable String district;

		public @Nullable String housingClass;

		public @Nullable String type;

		public @Nullable Integer rooms;

		public @Nullable Integer minRooms;

		public int guests = 1;

		public @Nullable BigDecimal minPrice;

		public @Nullable BigDecimal maxPrice;

		public @Nullable LocalDate checkIn;

		public @Nullable LocalDate checkOut;

		/** The month the calendar shows, {@code yyyy-MM}. */
		public @Nullable String month;

		public int page;

	}

	/** The booking in the making. */
	public static final class Booking {

		public @Nullable Long listingId;

		public @Nullable LocalDate checkIn;

		public @Nullable LocalDate checkOut;

		public int guests = 1;

		public @Nullable String month;

		/**
		 * Idempotency key of the hold: one per "Book" started, so a double tap holds
		 * once.
		 */
		public @Nullable String session;

		public @Nullable UUID bookingId;

	}

	/** Starts a new booking of a listing, keeping the search dates and guests. */
	public void startBooking(long listingId) {
		Booking next = new Booking();
		next.listingId = listingId;
		next.checkIn = this.search.checkIn;
		next.checkOut = this.search.checkOut;
		next.guests = this.search.guests;
		next.session = UUID.randomUUID().toString();
		this.booking = next;
	}

}
