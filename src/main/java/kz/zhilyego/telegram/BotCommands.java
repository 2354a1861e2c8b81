package kz.zhilyego.telegram;

import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.common.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The command menu per language and role (guest; realtor and agency head add theirs). */
@Component
class BotCommands {

	static final List<String> GUEST = List.of("search", "mybookings", "favorites", "language", "help");

	static final List<String> STAFF = List.of("bookings", "properties", "stats");

	private final MessageSource messages;

	BotCommands(MessageSource messages) {
		this.messages = messages;
	}

	List<BotCommand> of(Language language, boolean staff) {
		List<BotCommand> commands = new ArrayList<>();
		for (String command : GUEST) {
			commands.add(command(command, language));
		}
		if (staff) {
			for (String command : STAFF) {
				commands.add(command(command, language));
			}
		}
		return commands;
	}

	private BotCommand command(String command, Language language) {
		return new BotCommand(command, this.messages.getMessage("bot.command." + command, null, language.locale()));
	}

}
