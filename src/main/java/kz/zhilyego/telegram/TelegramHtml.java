package kz.zhilyego.telegram;

import kz.zhilyego.chatbot.Text;

/**
 * Renders neutral {@link Text} as Telegram HTML ({@code parse_mode=HTML}): {@code <},
 * {@code >} and {@code &} escaped in every span (and {@code "} in link addresses), so
 * text from users and listings can never become markup.
 */
final class TelegramHtml {

	static final int MAX_TEXT = 4096;

	static final int MAX_CAPTION = 1024;

	private TelegramHtml() {
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	static String render(Text text) {
		StringBuilder out = new StringBuilder();
		for (Text.Span span : text.spans()) {
			String body = escape(span.text());
			switch (span.style()) {
				case PLAIN -> out.append(body);
				case BOLD -> out.append("<b>").append(body).append("</b>");
				case ITALIC -> out.append("<i>").append(body).append("</i>");
				case CODE -> out.append("<code>").append(body).append("</code>");
				case LINK -> out.append("<a href=\"")
					.append(escape(String.valueOf(span.url())))
					.append("\">")
					.append(body)
					.append("</a>");
			}
		}
		return out.toString().strip();
	}

	/**
	 * The rendered text cut to the limit on whole spans (never inside a tag), with an
	 * ellipsis when something was left out.
	 */
	static String render(Text text, int limit) {
		String full = render(text);
		if (full.length() <= limit) {
			return full;
		}
		StringBuilder out = new StringBuilder();
		for (Text.Span span : text.spans()) {
			String piece = render(new Text(java.util.List.of(span)));
			if (out.length() + piece.length() + 1 > limit) {
				break;
			}
			out.append(span.text().equals("\n") ? "\n" : piece);
		}
		return out.append('…').toString();
	}

}
