package kz.zhilyego.notification.internal;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;

import kz.zhilyego.notification.Attachments;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.OutgoingMessage;
import org.springframework.core.io.ByteArrayResource;
import kz.zhilyego.notification.NotificationProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}): multipart/alternative with text and HTML, and
 * the attachment a message refers to ({@link Attachments}), if any.
 */
class SmtpEmailSender implements ChannelSender {

	private final JavaMailSender mail;

	private final NotificationProperties.Mail settings;

	private final Attachments attachments;

	SmtpEmailSender(JavaMailSender mail, NotificationProperties.Mail settings, Attachments attachments) {
		this.mail = mail;
		this.settings = settings;
		this.attachments = attachments;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		String address = message.address();
		if (address == null) {
			return new SendResult.Rejected("no e-mail address");
		}
		try {
			MimeMessage mime = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(this.settings.from(), this.settings.fromName());
			helper.setTo(address);
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), rendered.html());
			String ref = message.params().get(OutgoingMessage.ATTACHMENT_PARAM);
			if (ref != null) {
				Optional<Attachments.Attachment> file = this.attachments.resolve(ref);
				if (file.isPresent()) {
					helper.addAttachment(file.get().fileName(), new ByteArrayResource(file.get().content()),
							file.get().contentType());
				}
			}
			mime.setHeader("X-ZhilyeGO-Notification", Long.toString(message.id()));
			this.mail.send(mime);
			return new SendResult.Sent(mime.getMessageID());
		}
		catch (MailParseException | MailPreparationException | MessagingException | UnsupportedEncodingException ex) {
			return new SendResult.Rejected("e-mail could not be prepared: " + ex.getClass().getSimpleName());
		}
		catch (MailAuthenticationException ex) {
			return new SendResult.Failed("SMTP authentication failed");
		}
		catch (MailException ex) {
			return new SendResult.Failed("SMTP: " + SendResult.shorten(ex.getMessage()));
		}
	}

}
