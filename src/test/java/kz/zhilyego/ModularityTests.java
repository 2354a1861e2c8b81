package kz.zhilyego;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ZhilyeGoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void theCoreModulesExist() {
		assertThat(this.modules.stream().map(module -> module.getIdentifier().toString())).contains("catalog",
				"identity", "storage", "platform");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}

}
