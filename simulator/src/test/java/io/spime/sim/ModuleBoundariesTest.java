package io.spime.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The seams between the modules hold in the main code of the whole project (the simulator sees every
 * module): no module reaches into another's internals, generated protobuf classes stay behind the
 * codecs, the twin model knows nothing of MQTT or of the ingest's module, and the twin's packages by
 * concept do not depend on each other in a circle.
 */
@AnalyzeClasses(packages = "io.spime", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
  @ArchTest
  static final ArchRule only_the_twin_uses_its_internals = internalsOnlyFrom("io.spime.twin");

  @ArchTest
  static final ArchRule only_the_wire_contract_uses_its_internals = internalsOnlyFrom("io.spime.wire");

  @ArchTest
  static final ArchRule only_the_transport_uses_its_internals = internalsOnlyFrom("io.spime.mqtt");

  @ArchTest
  static final ArchRule only_the_hivemq_transport_uses_its_internals = internalsOnlyFrom("io.spime.mqtt.hivemq");

  @ArchTest
  static final ArchRule the_agent_stays_on_the_transport_seam_without_the_hivemq_client =
      noClasses().that().resideInAPackage("io.spime.agent..")
          .should().dependOnClassesThat().resideInAnyPackage("io.spime.mqtt.hivemq..", "com.hivemq.client..")
          .because("the firmware stays lean: an embedder picks the HiveMQ transport with EdgeAgentBuilder.transport");

  @ArchTest
  static final ArchRule only_the_agent_uses_its_internals = internalsOnlyFrom("io.spime.agent");

  @ArchTest
  static final ArchRule only_cloud_sync_uses_its_internals = internalsOnlyFrom("io.spime.cloud.sync");

  @ArchTest
  static final ArchRule only_the_broker_uses_its_internals = internalsOnlyFrom("io.spime.broker");

  @ArchTest
  static final ArchRule generated_protobuf_classes_stay_in_the_wire_contract =
      noClasses().that().resideOutsideOfPackages("io.spime.wire..", "io.spime.proto..")
          .should().dependOnClassesThat().resideInAPackage("io.spime.proto..");

  @ArchTest
  static final ArchRule the_twin_model_knows_no_mqtt_no_ingest_and_no_agent =
      noClasses().that().resideInAPackage("io.spime.twin..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "io.spime.mqtt..", "io.spime.cloud..", "io.spime.agent..", "org.eclipse.paho..", "com.google.common..");

  @ArchTest
  static final ArchRule the_agent_knows_no_twin_and_no_cloud =
      noClasses().that().resideInAPackage("io.spime.agent..")
          .should().dependOnClassesThat().resideInAnyPackage("io.spime.twin..", "io.spime.cloud..");

  @ArchTest
  static final ArchRule the_twins_api_packages_are_free_of_cycles =
      slices().matching("io.spime.twin.(*)").should().beFreeOfCycles();

  private static ArchRule internalsOnlyFrom(String owner) {
    return noClasses().that().resideOutsideOfPackage(owner + "..")
        .should().dependOnClassesThat().resideInAPackage(owner + ".internal..")
        .because(owner + ".internal is that module's own; other modules use its API packages");
  }
}
