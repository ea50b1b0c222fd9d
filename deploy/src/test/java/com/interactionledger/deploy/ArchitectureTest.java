package com.interactionledger.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph, enforced on the compiled classes of every module: contracts depend on no other module (and on
 * nothing but Java, Jackson and Axon's annotations/serializer); the problems (the API's error format) see only the
 * contracts; projections never see the command side; the query side sees only contracts, problems and projections;
 * nothing depends on deploy.
 */
class ArchitectureTest {

    private static final String ROOT = "com.interactionledger";
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[]{"contracts", "problems", "command", "projections", "query", "replay",
                "deploy"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module)))
                    .as("classes of module " + module + " on the classpath").isTrue();
        }
    }

    @Test
    void contractsDependOnNoOtherModuleAndOnlyOnJacksonAxonAndCloudEvents() {
        // The JDK's cryptography and Axon's JDBC connection provider: the sealed form of personal data and the key
        // store it needs are part of the stored contract. The CloudEvents API: the events' form on Kafka is too.
        ArchRule rule = classes().that().resideInAPackage(ROOT + ".contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        ROOT + ".contracts..", "java..", "javax.crypto..", "com.fasterxml.jackson..",
                        "org.axonframework.serialization..", "org.axonframework.modelling.command..",
                        "org.axonframework.common.jdbc..", "io.cloudevents..");
        rule.check(classes);
    }

    @Test
    void problemsSeeOnlyContracts() {
        noClasses().that().resideInAPackage(ROOT + ".problems..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".command..", ROOT + ".projections..",
                        ROOT + ".query..", ROOT + ".replay..", ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void projectionsNeverSeeTheCommandSide() {
        noClasses().that().resideInAPackage(ROOT + ".projections..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".command..", ROOT + ".query..",
                        ROOT + ".replay..", ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void querySideSeesOnlyContractsProblemsAndProjections() {
        noClasses().that().resideInAPackage(ROOT + ".query..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".command..", ROOT + ".replay..",
                        ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void commandSideSeesOnlyContractsAndProblems() {
        noClasses().that().resideInAPackage(ROOT + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".projections..", ROOT + ".query..",
                        ROOT + ".replay..", ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void replayToolsSeeOnlyContractsAndProjections() {
        noClasses().that().resideInAPackage(ROOT + ".replay..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".command..", ROOT + ".query..",
                        ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void nothingDependsOnDeploy() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".deploy..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".deploy..")
                .check(classes);
    }

    @Test
    void everyEventIsARevisionedRecordThatBelongsToACustomer() {
        classes().that().resideInAPackage(ROOT + ".contracts..")
                .and().implement(ROOT + ".contracts.dialogue.DialogueEvent")
                .should().beAnnotatedWith("org.axonframework.serialization.Revision")
                .andShould().beAssignableTo(Record.class)
                .andShould().beTopLevelClasses()
                .check(classes);
    }
}
