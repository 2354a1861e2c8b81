package kz.zhilyego.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dev profile's demo data.
 *
 * @param listings how many listings the generator makes on an empty database
 * @param seed the generator's seed (the same seed makes the same listings)
 */
@ConfigurationProperties("zhilyego.demo")
public record DemoProperties(int listings, long seed) {

	public DemoProperties {
		listings = listings > 0 ? listings : 240;
		seed = seed != 0 ? seed : 20261122L;
	}

}
