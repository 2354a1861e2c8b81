package kz.zhilyego.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.AttentionSource;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The problems page's model: every module's {@link AttentionSource} (flagged payments and
 * failed refunds, stuck bookings, and whatever other modules add, such as calendar
 * conflicts), one section per source, and the actions that resolve an entry. Each action
 * is audited ({@code problem.action}: source, entry, action, note and what the source
 * reports).
 */
@Service
public class ProblemDesk {

	/** Entries shown per source. */
	public static final int LIMIT = 200;

	private final List<AttentionSource> sources;

	private final AuditLog audit;

	ProblemDesk(List<AttentionSource> sources, AuditLog audit) {
		this.sources = sources.stream().sorted(Comparator.comparing(AttentionSource::name)).toList();
		this.audit = audit;
	}

	/** One source's open entries. */
	public record Section(String source, long count, List<AttentionSource.Item> items) {
	}

	public List<Section> open(CurrentUser user) {
		SettingsAdmin.requireSuperuser(user);
		List<Section> sections = new ArrayList<>();
		for (AttentionSource source : this.sources) {
			sections.add(new Section(source.name(), source.count(), source.open(LIMIT)));
		}
		return sections;
	}

	/** Open entries over all sources. */
	public long count() {
		return this.sources.stream().mapToLong(AttentionSource::count).sum();
	}

	public AttentionSource.Outcome act(CurrentUser user, String source, String itemKey, String action,
			@Nullable String note) {
		SettingsAdmin.requireSuperuser(user);
		AttentionSource found = this.sources.stream()
			.filter(s -> s.name().equals(source))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("attention.sourceNotFound"));
		if (note != null && note.length() > 1000) {
			throw ProblemException.invalidField("note", "attention.noteTooLong", 1000);
		}
		AttentionSource.Outcome outcome = found.act(itemKey, action, user.id(), note);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", source);
		details.put("action", action);
		if (note != null && !note.isBlank()) {
			details.put("note", note.strip());
		}
		details.putAll(outcome.audit());
		this.audit.record(user.id(), "problem.action", source, itemKey, details);
		return outcome;
	}

}
