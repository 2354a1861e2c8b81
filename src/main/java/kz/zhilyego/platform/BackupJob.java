package kz.zhilyego.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import kz.zhilyego.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily backup ({@code zhilyego.backup.enabled=true}): a recurring task on the
 * PostgreSQL-backed scheduler, so one node of a cluster runs it, at
 * {@code zhilyego.backup.cron} (Astana time), into {@code zhilyego.backup.dir}, keeping
 * the {@code zhilyego.backup.keep} newest backups.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupJob.BackupProperties.class)
class BackupJob {

	private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

	@Bean
	Backups backups(DataSource dataSource, FileStorage storage, Clock clock) {
		return new Backups(dataSource::getConnection, storage, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "zhilyego.backup.enabled", havingValue = "true")
	RecurringTask<Void> dailyBackupTask(Backups backups, BackupProperties properties) {
		return Tasks.recurring("backup", Schedules.cron(properties.cron(), ZoneId.of("Asia/Almaty")))
			.execute((instance, context) -> run(backups, properties));
	}

	static void run(Backups backups, BackupProperties properties) {
		Path root = Path.of(properties.dir());
		backups.create(root);
		Backups.prune(root, properties.keep())
			.forEach(deleted -> log.info("Backup {} deleted (keeping the {} newest)", deleted, properties.keep()));
	}

	/**
	 * @param enabled whether the daily job runs
	 * @param dir where backups go
	 * @param cron when (six fields, Astana time), default 03:30 every day
	 * @param keep how many finished backups to keep
	 */
	@ConfigurationProperties("zhilyego.backup")
	record BackupProperties(boolean enabled, String dir, String cron, int keep) {

		BackupProperties {
			dir = dir == null || dir.isBlank() ? "./data/backups" : dir;
			cron = cron == null || cron.isBlank() ? "0 30 3 * * *" : cron;
			keep = keep <= 0 ? 7 : keep;
		}

	}

}
