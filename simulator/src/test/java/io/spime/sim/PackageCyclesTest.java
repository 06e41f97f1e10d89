package io.spime.sim;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulator's packages depend on each other in one direction only: every package, the
 * command line's {@code io.spime.sim} included, is a slice of its own, and no slice reaches back to
 * one that depends on it. Main code only; tests may reach across.
 */
@AnalyzeClasses(packages = "io.spime.sim", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
  @ArchTest
  static final ArchRule no_package_of_the_simulator_depends_on_one_that_depends_on_it =
      slices().matching("io.spime.(sim..)").should().beFreeOfCycles();
}
