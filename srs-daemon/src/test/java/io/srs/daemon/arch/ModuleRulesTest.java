package io.srs.daemon.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md "Modules and the direction of dependencies": sip, rtp and
 * storage meet only through core's ports; core sees the JDK only (its XML APIs: javax.xml,
 * org.w3c.dom, org.xml.sax); one package sees javax.sip. Maven already forbids the missing module
 * edges; these rules also catch a dependency slipped in through a shared transitive jar.
 */
class ModuleRulesTest {
  private static JavaClasses srs;

  @BeforeAll
  static void importProductionClasses() {
    srs =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.srs");
    // An empty import would make every rule pass vacuously.
    for (String module : new String[] {"core", "sip", "rtp", "storage", "daemon"}) {
      if (srs.stream().noneMatch(c -> c.getPackageName().startsWith("io.srs." + module))) {
        throw new AssertionError("no classes of io.srs." + module + " on the test class path");
      }
    }
  }

  @Test
  void coreDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.srs.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.srs.core..", "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
        .check(srs);
  }

  @Test
  void sipDoesNotSeeMediaOrStorage() {
    noClasses()
        .that()
        .resideInAPackage("io.srs.sip..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.srs.rtp..", "io.srs.storage..", "io.srs.daemon..", "io.netty..")
        .check(srs);
  }

  @Test
  void rtpDoesNotSeeSipOrStorage() {
    noClasses()
        .that()
        .resideInAPackage("io.srs.rtp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.srs.sip..", "io.srs.storage..", "io.srs.daemon..", "javax.sip..", "gov.nist..")
        .check(srs);
  }

  @Test
  void storageDoesNotSeeSipOrMedia() {
    noClasses()
        .that()
        .resideInAPackage("io.srs.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.srs.sip..",
            "io.srs.rtp..",
            "io.srs.daemon..",
            "io.netty..",
            "javax.sip..",
            "gov.nist..")
        .check(srs);
  }

  @Test
  void onlyTheJainAdapterPackageSeesJainSip() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.srs.sip.jain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javax.sip..", "gov.nist..")
        .check(srs);
  }
}
