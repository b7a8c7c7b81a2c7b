package io.srs.sip;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** JAIN-SIP is the counter-example (STYLE.md): exactly one package may touch it. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.srs.sip");

  @Test
  void onlyTheJainPackageTouchesJainSip() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.srs.sip.jain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javax.sip..", "gov.nist..")
        .check(classes);
  }

  @Test
  void parsersDoNotDependOnHandlersOrTheAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage("io.srs.sip.multipart..", "io.srs.sip.sdp..", "io.srs.sip.siprec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.srs.sip.handler..", "io.srs.sip.jain..")
        .check(classes);
  }
}
