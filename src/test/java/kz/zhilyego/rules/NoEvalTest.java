package kz.zhilyego.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule engine never evaluates a string as code: nothing in {@code kz.zhilyego.rules}
 * touches a script engine, an expression language (SpEL, OGNL, MVEL, JEXL, EL), Groovy,
 * reflection-based invocation or a compiler. Conditions are plain comparisons
 * ({@link Conditions}).
 */
class NoEvalTest {

	@Test
	void theRulesPackageUsesNoEvaluator() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("kz.zhilyego.rules");

		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("javax.script..", "org.springframework.expression..", "ognl..", "org.mvel2..",
					"org.apache.commons.jexl..", "org.apache.commons.jexl3..", "jakarta.el..", "javax.el..", "groovy..",
					"org.codehaus.groovy..", "javax.tools..", "java.lang.invoke..", "java.lang.reflect..")
			.because("rules are data: conditions are field comparisons, never code")
			.check(classes);
	}

}
