package io.spime.cloud.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service's packages: internals free of cycles, no internal type in the public API, no other module's internals. */
@AnalyzeClasses(packages = "io.spime", importOptions = ImportOption.DoNotIncludeTests.class)
class ServicePackagesTest {
  @ArchTest
  static final ArchRule internal_packages_are_free_of_cycles =
      slices().matching("io.spime.cloud.service.internal.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule the_public_api_shows_no_internal_type =
      methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("io.spime.cloud.service")
          .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("an API type",
              c -> !c.getPackageName().startsWith("io.spime.cloud.service.internal")));

  @ArchTest
  static final ArchRule no_other_modules_internals =
      noClasses().that().resideInAPackage("io.spime.cloud.service..")
          .should().dependOnClassesThat().resideInAnyPackage("io.spime.twin.internal..", "io.spime.cloud.sync.internal..",
              "io.spime.broker.internal..", "io.spime.wire.internal..", "io.spime.mqtt.internal..");
}
