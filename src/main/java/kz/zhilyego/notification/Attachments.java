package kz.zhilyego.notification;

import java.util.Optional;

/**
 * Port: files attached to e-mails, resolved at send time from the reference a message
 * carries ({@link OutgoingMessage#ATTACHMENT_PARAM}), so the outbox stores a reference,
 * never the file. Implemented by the module that owns the file (the monthly reports: the
 * admin module). Without an implementation, or when the reference resolves to nothing,
 * the e-mail goes without the file.
 */
public interface Attachments {

	/** A file to attach. */
	record Attachment(String fileName, String contentType, byte[] content) {
	}

	/**
	 * @param ref the reference stored with the message, e.g. {@code monthly-report:12}
	 * @return the file, or empty when the reference is not this resolver's or is gone
	 */
	Optional<Attachment> resolve(String ref);

}
