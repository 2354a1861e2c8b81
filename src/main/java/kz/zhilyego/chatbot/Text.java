package kz.zhilyego.chatbot;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Formatted message text without any messenger's markup: plain and bold spans, links and
 * line breaks. Adapters render it (Telegram: HTML with {@code <>&} escaped), so user data
 * such as listing titles can never inject markup.
 */
public record Text(List<Span> spans) {

	public Text {
		spans = List.copyOf(spans);
	}

	public enum Style {

		PLAIN, BOLD, ITALIC, CODE, LINK

	}

	/** A piece of text; {@code url} only for links. */
	public record Span(Style style, String text, @Nullable String url) {
	}

	public static Builder builder() {
		return new Builder();
	}

	public static Text plain(String text) {
		return builder().text(text).build();
	}

	/** The text without formatting (logs, tests, the WhatsApp fallback). */
	public String plainText() {
		StringBuilder out = new StringBuilder();
		this.spans.forEach(span -> out.append(span.text()));
		return out.toString();
	}

	public static final class Builder {

		private final List<Span> spans = new ArrayList<>();

		public Builder text(String text) {
			this.spans.add(new Span(Style.PLAIN, text, null));
			return this;
		}

		public Builder bold(String text) {
			this.spans.add(new Span(Style.BOLD, text, null));
			return this;
		}

		public Builder italic(String text) {
			this.spans.add(new Span(Style.ITALIC, text, null));
			return this;
		}

		public Builder code(String text) {
			this.spans.add(new Span(Style.CODE, text, null));
			return this;
		}

		public Builder link(String text, String url) {
			this.spans.add(new Span(Style.LINK, text, url));
			return this;
		}

		public Builder line() {
			return text("\n");
		}

		/** {@code label: value} on its own line, the value in bold. */
		public Builder field(String label, String value) {
			return text(label + ": ").bold(value).line();
		}

		public Builder append(Text other) {
			this.spans.addAll(other.spans());
			return this;
		}

		public boolean isEmpty() {
			return this.spans.isEmpty();
		}

		public Text build() {
			return new Text(this.spans);
		}

	}

}
