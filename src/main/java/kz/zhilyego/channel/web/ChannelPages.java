package kz.zhilyego.channel.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import kz.zhilyego.channel.CalendarExport;
import kz.zhilyego.channel.CalendarImports;
import kz.zhilyego.channel.Connections;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's calendar sync of a listing (export URL, imported feeds with their last
 * sync, events, conflicts and errors; a section of the listing page or a page of its own)
 * and the connections of other booking systems. Forms work without JavaScript.
 */
@Controller
class ChannelPages {

	private final CalendarImports imports;

	private final CalendarExport export;

	private final Connections connections;

	private final MessageSource messages;

	ChannelPages(CalendarImports imports, CalendarExport export, Connections connections, MessageSource messages) {
		this.imports = imports;
		this.export = export;
		this.connections = connections;
		this.messages = messages;
	}

	@GetMapping("/realtor/listings/{id}/sync")
	String listing(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
			Model model) {
		model.addAttribute("overview", this.imports.overview(id, user));
		model.addAttribute("errors", Map.of());
		return request.getHeader("HX-Request") != null ? "channel/listing :: summary" : "channel/listing";
	}

	@PostMapping("/realtor/listings/{id}/sync/rotate")
	String rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.export.rotate(id, user);
		return "redirect:/realtor/listings/" + id + "/sync?rotated";
	}

	@PostMapping("/realtor/listings/{id}/sync/imports")
	String add(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String url,
			Model model, Locale locale) {
		try {
			CalendarImports.ImportView added = this.imports.add(id, name, url, user);
			this.imports.syncNow(id, added.id(), user);
			return "redirect:/realtor/listings/" + id + "/sync?added";
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			model.addAttribute("overview", this.imports.overview(id, user));
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.fieldErrors()
				.forEach((field, key) -> errors.put(field, this.messages.getMessage(key, ex.args(), key, locale)));
			model.addAttribute("errors", errors);
			model.addAttribute("name", name);
			model.addAttribute("url", url);
			return "channel/listing";
		}
	}

	@PostMapping("/realtor/listings/{id}/sync/imports/{importId}/sync")
	String sync(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long importId) {
		this.imports.syncNow(id, importId, user);
		return "redirect:/realtor/listings/" + id + "/sync?synced";
	}

	@PostMapping("/realtor/listings/{id}/sync/imports/{importId}/delete")
	String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long importId) {
		this.imports.remove(id, importId, user);
		return "redirect:/realtor/listings/" + id + "/sync?removed";
	}

	@GetMapping("/realtor/connections")
	String connections(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("connections", this.connections.list(user));
		model.addAttribute("created", null);
		model.addAttribute("errors", Map.of());
		return "channel/connections";
	}

	@PostMapping("/realtor/connections")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String listingIds, Model model, Locale locale) {
		try {
			List<Long> ids = listingIds == null || listingIds.isBlank() ? List.of()
					: Arrays.stream(listingIds.split("[,\\s]+"))
						.filter(s -> !s.isBlank())
						.map(s -> parse(s.strip()))
						.toList();
			Connections.Created created = this.connections.create(name, ids, Map.of(), user);
			// the secret is shown on this one answer only (no redirect)
			model.addAttribute("created", created);
			model.addAttribute("errors", Map.of());
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.fieldErrors()
				.forEach((field, key) -> errors.put(field, this.messages.getMessage(key, ex.args(), key, locale)));
			model.addAttribute("created", null);
			model.addAttribute("errors", errors);
			model.addAttribute("name", name);
			model.addAttribute("listingIds", listingIds);
		}
		model.addAttribute("connections", this.connections.list(user));
		return "channel/connections";
	}

	@PostMapping("/realtor/connections/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.connections.revoke(id, user);
		return "redirect:/realtor/connections?revoked";
	}

	private static long parse(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalidField("listingIds", "channel.connection.listing", value);
		}
	}

}
