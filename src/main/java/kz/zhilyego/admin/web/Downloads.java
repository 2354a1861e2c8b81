package kz.zhilyego.admin.web;

import java.nio.charset.StandardCharsets;

import kz.zhilyego.admin.PlatformReports;
import kz.zhilyego.admin.ReportFiles;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.notification.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File answers for the report endpoints and pages. */
final class Downloads {

	private Downloads() {
	}

	static ReportFiles.Format format(String extension) {
		return switch (extension) {
			case "csv" -> ReportFiles.Format.CSV;
			case "xlsx" -> ReportFiles.Format.XLSX;
			case "pdf" -> ReportFiles.Format.PDF;
			default -> throw ProblemException.notFound("problem.not-found");
		};
	}

	static ResponseEntity<byte[]> file(PlatformReports.File file) {
		return file(file.name(), file.contentType(), file.content());
	}

	static ResponseEntity<byte[]> file(Attachments.Attachment file) {
		return file(file.fileName(), file.contentType(), file.content());
	}

	static ResponseEntity<byte[]> file(String name, String contentType, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(contentType))
			.body(content);
	}

}
