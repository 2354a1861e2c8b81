package kz.zhilyego.admin.web;

import java.time.LocalDate;
import java.util.Map;

import kz.zhilyego.admin.DictionaryAdmin;
import kz.zhilyego.catalog.DictionaryEditor;
import kz.zhilyego.catalog.DictionaryEntry;
import kz.zhilyego.catalog.DictionaryForm;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * {@code /admin/dictionaries}: the five dictionaries in tabs with search, the entry form
 * (create and edit, RU/KK/EN names, errors next to the fields), deactivate / activate,
 * move up / down and delete (an entry in use cannot be deleted: the page says so).
 */
@Controller
class DictionaryPages {

	private final DictionaryAdmin admin;

	private final PanelTexts texts;

	DictionaryPages(DictionaryAdmin admin, PanelTexts texts) {
		this.admin = admin;
		this.texts = texts;
	}

	@GetMapping("/admin/dictionaries")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "cities") String kind,
			@RequestParam(required = false) @Nullable String q, Model model) {
		DictionaryEditor.Kind.of(kind);
		model.addAttribute("kind", kind);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("entries", this.admin.list(user, kind, q));
		model.addAttribute("kinds",
				java.util.Arrays.stream(DictionaryEditor.Kind.values()).map(DictionaryEditor.Kind::path).toList());
		return "admin/dictionaries";
	}

	@GetMapping("/admin/dictionaries/{kind}/new")
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, Model model) {
		DictionaryEditor.Kind.of(kind);
		return form(user, kind, null,
				new DictionaryForm(null, null, null, null, null, null, null, null, null, null, null), Map.of(), model);
	}

	@GetMapping("/admin/dictionaries/{kind}/{key}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable String key,
			Model model) {
		DictionaryEntry e = this.admin.get(user, kind, key);
		return form(user, kind, e, new DictionaryForm(e.code(), e.slug(), e.nameRu(), e.nameKk(), e.nameEn(),
				e.position(), e.timeZone(), e.city(), e.validFrom(), e.validTo(), e.hasRooms()), Map.of(), model);
	}

	private String form(CurrentUser user, String kind, @Nullable DictionaryEntry entry, DictionaryForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("entry", entry);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if ("districts".equals(kind)) {
			model.addAttribute("cities", this.admin.list(user, "cities", null));
		}
		return "admin/dictionary-form";
	}

	@PostMapping("/admin/dictionaries/{kind}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@RequestParam(required = false) @Nullable String key, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes flash) {
		DictionaryForm form = new DictionaryForm(p(params, "code"), p(params, "slug"), p(params, "nameRu"),
				p(params, "nameKk"), p(params, "nameEn"), number(p(params, "position")), p(params, "timeZone"),
				p(params, "city"), date(p(params, "validFrom")), date(p(params, "validTo")),
				"types".equals(kind) ? params.containsKey("hasRooms") : null);
		DictionaryEntry entry = key == null || key.isBlank() ? null : this.admin.get(user, kind, key);
		try {
			DictionaryEntry saved = entry == null ? this.admin.create(user, kind, form)
					: this.admin.update(user, kind, key, form);
			flash.addFlashAttribute("flash", this.texts.get("admin.dictionaries.saved", saved.nameRu()));
			return redirect(kind);
		}
		catch (ProblemException ex) {
			return form(user, kind, entry, form,
					ex.fieldErrors().isEmpty() ? Map.of("", this.texts.of(ex)) : this.texts.fieldErrors(ex), model);
		}
	}

	@PostMapping("/admin/dictionaries/{kind}/{key}/{action:activate|deactivate|up|down|delete}")
	String act(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable String key,
			@PathVariable String action, RedirectAttributes flash) {
		try {
			switch (action) {
				case "activate" -> this.admin.setActive(user, kind, key, true);
				case "deactivate" -> this.admin.setActive(user, kind, key, false);
				case "up" -> this.admin.move(user, kind, key, true);
				case "down" -> this.admin.move(user, kind, key, false);
				default -> this.admin.delete(user, kind, key);
			}
			flash.addFlashAttribute("flash", this.texts.get("admin.dictionaries.done." + action));
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return redirect(kind);
	}

	private static String redirect(String kind) {
		return "redirect:/admin/dictionaries?kind=" + UriUtils.encode(kind, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static @Nullable String p(Map<String, String> params, String name) {
		String value = params.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable Integer number(@Nullable String text) {
		try {
			return text == null ? null : Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}
