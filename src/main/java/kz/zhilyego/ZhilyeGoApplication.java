package kz.zhilyego;

import kz.zhilyego.admin.MetricsCommand;
import kz.zhilyego.platform.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * ЖильеGO: short-term rental booking platform. One booking core, many channels.
 */
@Modulithic(sharedModules = "common")
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhilyeGoApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			// java -jar zhilyego.jar backup|restore … (docs/operations.md)
			System.exit(BackupCommand.run(args));
		}
		if (MetricsCommand.handles(args)) {
			// java -jar zhilyego.jar metrics --from=… [--to=…] (docs/platform.md)
			System.exit(MetricsCommand.run(ZhilyeGoApplication.class, args));
		}
		if (kz.zhilyego.rules.RulesCommand.handles(args)) {
			// java -jar zhilyego.jar rules-replay --last=200 (docs/platform.md#rules)
			System.exit(kz.zhilyego.rules.RulesCommand.run(ZhilyeGoApplication.class, args));
		}
		SpringApplication.run(ZhilyeGoApplication.class, args);
	}

}
