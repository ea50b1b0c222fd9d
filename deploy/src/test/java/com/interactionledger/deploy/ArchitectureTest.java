package com.interactionledger.deploy;

import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph, enforced on the compiled classes of every module: contracts depend on no other module (and on
 * nothing but Java, Jackson and Axon's annotations/serializer); the ledger store sees only contracts, and so do the
 * problems (the API's error format); projections never see the command side; the query side sees only contracts,
 * the ledger store, problems and projections; nothing depends on deploy; the ledger store's beans are declared by
 * it alone. And every event stored in the ledger has the one shape the append path and the stored contract need.
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
        for (String module : new String[]{"contracts", "ledger", "problems", "command", "projections", "query",
                "replay", "deploy"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module)))
                    .as("classes of module " + module + " on the classpath").isTrue();
        }
    }

    @Test
    void contractsAreThePublicLanguageOnlyAndDependOnNoOtherModule() {
        // Commands, events, queries, views and error codes, with the annotations and the JSON form of events; the
        // store, its keys and the events' forms on disk and on Kafka are the ledger store's.
        ArchRule rule = classes().that().resideInAPackage(ROOT + ".contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        ROOT + ".contracts..", "java..", "com.fasterxml.jackson..",
                        "org.axonframework.serialization..", "org.axonframework.modelling.command..");
        rule.check(classes);
    }

    @Test
    void theLedgerStoresBeansAreDeclaredByItAlone() {
        // One definition of the event store, its serializers, the customers' keys and the upcasters, whichever
        // services are on the classpath (before, the command side and the projections each declared them).
        noMethods().that().areAnnotatedWith(Bean.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage(ROOT + ".ledger..")
                .should().haveRawReturnType(Serializer.class)
                .orShould().haveRawReturnType(CustomerKeys.class)
                .orShould().haveRawReturnType(EventStorageEngine.class)
                .orShould().haveName("ledgerUpcasters")
                .check(classes);
    }

    static Stream<Arguments> modulesAndTheModulesTheyNeverSee() {
        return Stream.of(
                module("theLedgerStoreSeesOnlyContracts", "ledger", "problems", "command", "projections", "query",
                        "replay", "deploy"),
                module("problemsSeeOnlyContracts", "problems", "ledger", "command", "projections", "query", "replay",
                        "deploy"),
                module("projectionsNeverSeeTheCommandSide", "projections", "command", "query", "replay", "deploy"),
                module("querySideSeesOnlyContractsTheLedgerStoreProblemsAndProjections", "query", "command", "replay",
                        "deploy"),
                module("commandSideSeesOnlyContractsTheLedgerStoreAndProblems", "command", "projections", "query",
                        "replay", "deploy"),
                module("replayToolsSeeOnlyContractsTheLedgerStoreAndProjections", "replay", "command", "query",
                        "deploy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modulesAndTheModulesTheyNeverSee")
    void aModuleNeverSeesTheModulesItMustNotDependOn(String module, List<String> neverSeen) {
        noClasses().that().resideInAPackage(ROOT + "." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(neverSeen.stream()
                        .map(other -> ROOT + "." + other + "..").toArray(String[]::new))
                .check(classes);
    }

    /** The classes of the package {@code module} (below {@link #ROOT}) depend on none of {@code neverSeen}'s. */
    private static Arguments module(String name, String module, String... neverSeen) {
        return Arguments.of(Named.of(name, module), List.of(neverSeen));
    }

    @Test
    void nothingDependsOnDeploy() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".deploy..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".deploy..")
                .check(classes);
    }

    /**
     * Every event the ledger stores, of every feature (dialogue, complaint, privacy, audit), is a top-level record in
     * contracts with an Axon {@code @Revision} (its stored JSON is a versioned contract, pinned by contracts'
     * EventJsonApprovalTest) that is {@link CustomerScoped}: the append path takes the customer from it into the
     * metadata, and the customer index, per-customer replay, Kafka partitioning and crypto-shredding rely on that
     * (the append path refuses any other payload, but only at run time).
     * <p>
     * An event is known here by either mark, so an event carrying one and not the other fails: CustomerScoped is
     * what the append path accepts, {@code @Revision} what the serializer versions.
     * <p>
     * No event is exempt. The one whose customer may be missing is {@code CommandRefused}: it is CustomerScoped,
     * but a refused command names a customer only when it is a StartSession or a LodgeComplaint, so otherwise its
     * {@code customerId()} is null and the append path stamps no customer. That is a value, not a type: the rule
     * holds for it as for the others.
     */
    @Test
    void everyEventIsARevisionedRecordThatBelongsToACustomer() {
        classes().that(areLedgerEvents())
                .should().resideInAPackage(ROOT + ".contracts..")
                .andShould().beAnnotatedWith(Revision.class)
                .andShould().beAssignableTo(Record.class)
                .andShould().beAssignableTo(CustomerScoped.class)
                .andShould().beTopLevelClasses()
                .check(classes);
    }

    /**
     * An event of contracts that carries neither mark would escape the rule above; aggregates and projections take
     * every event they handle by its type, so each contracts type they take as an event must be CustomerScoped.
     * (A handler may also take any payload as an Object, as the audit projection does; that names no event type.)
     */
    @Test
    void everyEventTypeAHandlerTakesFromContractsBelongsToACustomer() {
        methods().that().areAnnotatedWith(EventSourcingHandler.class)
                .or().areAnnotatedWith(EventHandler.class)
                .should(takeACustomerScopedEventWhenTheyTakeATypeOfContracts())
                .check(classes);
    }

    private static ArchCondition<JavaMethod> takeACustomerScopedEventWhenTheyTakeATypeOfContracts() {
        return new ArchCondition<>("take a CustomerScoped event when they take a type of contracts") {
            @Override
            public void check(JavaMethod handler, ConditionEvents events) {
                JavaClass event = handler.getRawParameterTypes().get(0);
                boolean satisfied = !event.getPackageName().startsWith(ROOT + ".contracts")
                        || event.isAssignableTo(CustomerScoped.class);
                events.add(new SimpleConditionEvent(handler, satisfied, handler.getFullName() + " takes "
                        + event.getName() + (satisfied ? "" : ", which is not CustomerScoped")));
            }
        };
    }

    /** Concrete classes with either mark of a ledger event: CustomerScoped or {@code @Revision}. */
    private static DescribedPredicate<JavaClass> areLedgerEvents() {
        return DescribedPredicate.describe("are ledger events (CustomerScoped or @Revision)",
                type -> !type.isInterface()
                        && (type.isAssignableTo(CustomerScoped.class) || type.isAnnotatedWith(Revision.class)));
    }
}
