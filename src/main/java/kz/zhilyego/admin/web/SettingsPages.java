package kz.zhilyego.admin.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import kz.zhilyego.admin.SettingsAdmin;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.settings.SettingsValues;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/settings}: the platform settings form (every field filled with the value
 * in force, the property default next to it); errors next to the fields, nothing saved
 * while one is wrong; a concurrent change is refused.
 */
@Controller
class SettingsPages {

	private final SettingsAdmin admin;

	private final PanelTexts texts;

	SettingsPages(SettingsAdmin admin, PanelTexts texts) {
		this.admin = admin;
		this.texts = texts;
	}

	/** The form as typed (texts, so a wrong value comes back as it was). */
	record Form(String platformCommissionPercent, String providerFeePercent, String fullRefundBeforeHours,
			String partialRefundBeforeHours, String partialRefundPercent, String holdMinutes, boolean listingModeration,
			String maxPhotos, String reviewStopWords, boolean staffTwoFactorRequired, String staffIpAllowList,
			@Nullable Long version) {
	}

	@GetMapping("/admin/settings")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		SettingsAdmin.View view = this.admin.view(user);
		var s = view.settings();
		model.addAttribute("form",
				new Form(s.platformCommissionPercent().stripTrailingZeros().toPlainString(),
						s.providerFeePercent().stripTrailingZeros().toPlainString(),
						String.valueOf(s.fullRefundBeforeHours()), String.valueOf(s.partialRefundBeforeHours()),
						s.partialRefundPercent().stripTrailingZeros().toPlainString(), String.valueOf(s.holdMinutes()),
						s.listingModeration(), String.valueOf(s.maxPhotos()), String.join(", ", s.reviewStopWords()),
						s.staffTwoFactorRequired(), String.join(", ", s.staffIpAllowList()), s.version()));
		return show(view, model, Map.of());
	}

	private String show(SettingsAdmin.View view, Model model, Map<String, String> errors) {
		model.addAttribute("settings", view.settings());
		model.addAttribute("defaults", view.defaults());
		model.addAttribute("errors", errors);
		return "admin/settings";
	}

	@PostMapping("/admin/settings")
	String save(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes flash) {
		Form form = new Form(p(params, "platformCommissionPercent"), p(params, "providerFeePercent"),
				p(params, "fullRefundBeforeHours"), p(params, "partialRefundBeforeHours"),
				p(params, "partialRefundPercent"), p(params, "holdMinutes"), params.containsKey("listingModeration"),
				p(params, "maxPhotos"), p(params, "reviewStopWords"), params.containsKey("staffTwoFactorRequired"),
				p(params, "staffIpAllowList"), parseLong(p(params, "version")));
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		SettingsValues values = new SettingsValues(
				decimal(form.platformCommissionPercent(), "platformCommissionPercent", errors),
				decimal(form.providerFeePercent(), "providerFeePercent", errors),
				integer(form.fullRefundBeforeHours(), "fullRefundBeforeHours", errors),
				integer(form.partialRefundBeforeHours(), "partialRefundBeforeHours", errors),
				decimal(form.partialRefundPercent(), "partialRefundPercent", errors),
				integer(form.holdMinutes(), "holdMinutes", errors), form.listingModeration(),
				integer(form.maxPhotos(), "maxPhotos", errors), list(form.reviewStopWords()),
				form.staffTwoFactorRequired(), list(form.staffIpAllowList()));
		model.addAttribute("form", form);
		if (!errors.isEmpty()) {
			return show(this.admin.view(user), model, errors);
		}
		try {
			this.admin.update(user, values, form.version());
		}
		catch (ProblemException ex) {
			Map<String, String> fieldErrors = ex.fieldErrors().isEmpty() ? Map.of("", this.texts.of(ex))
					: this.texts.fieldErrors(ex);
			return show(this.admin.view(user), model, fieldErrors);
		}
		flash.addFlashAttribute("flash", this.texts.get("admin.settings.saved"));
		return "redirect:/admin/settings";
	}

	private static String p(Map<String, String> params, String name) {
		String value = params.get(name);
		return value == null ? "" : value.strip();
	}

	private @Nullable BigDecimal decimal(String text, String field, Map<String, String> errors) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put(field, this.texts.get("admin.field.number"));
			return null;
		}
	}

	private @Nullable Integer integer(String text, String field, Map<String, String> errors) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			errors.put(field, this.texts.get("admin.field.number"));
			return null;
		}
	}

	private static List<String> list(String text) {
		return Arrays.stream(text.split("[,;\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable Long parseLong(String text) {
		try {
			return text.isEmpty() ? null : Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
