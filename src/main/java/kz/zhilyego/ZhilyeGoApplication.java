package kz.zhilyego;

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
		SpringApplication.run(ZhilyeGoApplication.class, args);
	}

}
