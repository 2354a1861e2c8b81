package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Emails;
import kz.zhilyego.settings.PlatformSettings;
import kz.zhilyego.settings.Settings;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Phones;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The booking wizard for signed-in guests (others are sent to sign in and back): 1 dates
 * and guests, 2 guest details prefilled from the profile, 3 house rules — one form — then
 * 4 a preview with the total and the cancellation policy, and the hold itself through
 * {@link PlaceHold} with the form's idempotency token. Errors show next to their fields.
 */
@Controller
class BookingWizardPages {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final ListingCatalog catalog;

	private final StayQuotes quotes;

	private final PlaceHold placeHold;

	private final UserDirectory users;

	private final Settings settings;

	private final Texts texts;

	BookingWizardPages(ListingCatalog catalog, StayQuotes quotes, PlaceHold placeHold, UserDirectory users,
			Settings settings, Texts texts) {
		this.catalog = catalog;
		this.quotes = quotes;
		this.placeHold = placeHold;
		this.users = users;
		this.settings = settings;
		this.texts = texts;
	}

	@GetMapping("/book/{listingId}")
	String start(@PathVariable long listingId, @ModelAttribute("form") @Nullable BookingForm requested,
			BindingResult binding, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		// a link with a mistyped stay (checkIn=2026-13-01) opens the wizard without it
		BookingForm form = requested == null || binding.hasErrors()
				? new BookingForm(null, null, null, null, null, null, null, null, null) : requested;
		UserProfile profile = this.users.find(user.id()).orElseThrow();
		BookingForm prefilled = form
			.withContacts(orElse(form.guestName(), profile.name()), orElse(form.guestPhone(), profile.phone()),
					form.guestEmail() != null ? form.guestEmail() : profile.email())
			.withToken(UUID.randomUUID().toString());
		return details(listingId, prefilled, Map.of(), model, locale);
	}

	@PostMapping("/book/{listingId}/preview")
	String preview(@PathVariable long listingId, @ModelAttribute("form") BookingForm form, Model model, Locale locale) {
		ListingCard listing = listing(listingId, locale);
		Map<String, String> errors = new LinkedHashMap<>();
		Quote quote = null;
		try {
			// the preview never prices nights that are already taken
			quote = this.quotes.quoteFree(listingId, form.checkIn(), form.checkOut(), form.guestCount());
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			errors.putAll(this.texts.fieldErrors(ex, "checkIn"));
		}
		if (form.guests() == null || form.guests() < 1) {
			errors.putIfAbsent("guests", this.texts.get("web.book.guests.invalid"));
		}
		if (form.guestName() == null || form.guestName().isBlank() || form.guestName().length() > 200) {
			errors.put("guestName", this.texts.get("booking.guestName.invalid"));
		}
		if (form.guestPhone() == null || Phones.normalize(form.guestPhone()).isEmpty()) {
			errors.put("guestPhone", this.texts.get("booking.guestPhone.invalid"));
		}
		if (form.guestEmail() != null && !form.guestEmail().isBlank() && !Emails.valid(form.guestEmail())) {
			errors.put("guestEmail", this.texts.get("web.book.email.invalid"));
		}
		if (form.comment() != null && form.comment().strip().length() > PlaceHold.MAX_COMMENT) {
			errors.put("comment", this.texts.get("booking.comment.tooLong", PlaceHold.MAX_COMMENT));
		}
		if (!form.accepted()) {
			errors.put("rulesAccepted", this.texts.get("booking.rulesAccepted.required"));
		}
		BookingForm checked = validToken(form);
		if (!errors.isEmpty() || quote == null) {
			return details(listingId, checked, errors, model, locale);
		}
		model.addAttribute("listing", listing);
		model.addAttribute("form", checked);
		model.addAttribute("quote", quote);
		model.addAttribute("breakdown", PriceBreakdown.of(quote));
		// the rules in force now: what the hold will be made under
		PlatformSettings rules = this.settings.current();
		model.addAttribute("policy", rules);
		model.addAttribute("holdMinutes", rules.holdMinutes());
		model.addAttribute("canonical", null);
		return "site/book-preview";
	}

	@PostMapping("/book/{listingId}")
	String hold(@PathVariable long listingId, @ModelAttribute("form") BookingForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		BookingForm checked = validToken(form);
		try {
			BookingDetails booking = this.placeHold.place(new PlaceHold.Request(listingId, form.checkIn(),
					form.checkOut(), form.guestCount(), form.guestName() == null ? "" : form.guestName(),
					form.guestPhone() == null ? "" : form.guestPhone(), form.guestEmail(), form.accepted(),
					form.comment()), user.id(), checked.token());
			return "redirect:/account/bookings/" + booking.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			// another token for the corrected form: the old one belongs to the refused
			// request
			return details(listingId, checked.withToken(UUID.randomUUID().toString()),
					this.texts.fieldErrors(ex, "checkIn"), model, locale);
		}
	}

	private String details(long listingId, BookingForm form, Map<String, String> errors, Model model, Locale locale) {
		model.addAttribute("listing", listing(listingId, locale));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("policy", this.settings.current());
		model.addAttribute("canonical", null);
		model.addAttribute("maxComment", PlaceHold.MAX_COMMENT);
		return "site/book";
	}

	private ListingCard listing(long listingId, Locale locale) {
		return this.catalog.find(listingId, Language.of(locale), true)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
	}

	private static BookingForm validToken(BookingForm form) {
		return form.token() != null && TOKEN.matcher(form.token()).matches() ? form
				: form.withToken(UUID.randomUUID().toString());
	}

	private static String orElse(@org.jspecify.annotations.Nullable String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
