package kz.zhilyego.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where media files live (the S3 store has its own {@link S3StorageProperties}).
 *
 * @param localDir the directory of the local store ({@code zhilyego.storage.type=local})
 * @param checkInterval how often the health check probes the store
 */
@ConfigurationProperties("zhilyego.storage")
public record StorageProperties(Path localDir, Duration checkInterval) {

	public StorageProperties {
		localDir = localDir != null ? localDir : Path.of("./data/media");
		checkInterval = checkInterval != null ? checkInterval : Duration.ofSeconds(30);
	}

}
