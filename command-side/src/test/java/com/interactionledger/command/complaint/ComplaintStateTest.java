package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintAssigned;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtensionRequested;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintInformationReceived;
import com.interactionledger.contracts.complaint.ComplaintInformationRequested;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintResolutionAccepted;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintResolutionProposed;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.interactionledger.command.complaint.ComplaintScenarios.COMPLAINT;
import static com.interactionledger.command.complaint.ComplaintScenarios.CUSTOMER;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ComplaintState.AWAITING_CUSTOMER;
import static com.interactionledger.contracts.complaint.ComplaintState.CLOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.DISPUTED;
import static com.interactionledger.contracts.complaint.ComplaintState.IN_PROGRESS;
import static com.interactionledger.contracts.complaint.ComplaintState.RECEIVED;
import static com.interactionledger.contracts.complaint.ComplaintState.REFERRED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLUTION_PROPOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ComplaintState#after}, the one definition of what each event does to the state: every event type, from
 * every state. Events that move the complaint lead to the same state wherever it stood (the aggregate, through
 * {@link ComplaintStep}, decides whether the move is allowed); the others keep the state.
 */
class ComplaintStateTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    /** Every complaint event type, with the state it leads to, or null when it keeps the state. */
    static Stream<Arguments> everyEvent() {
        return Stream.of(
                moves(new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(), Channel.EMAIL, "mortgage", null, "fees",
                        null, "Early repayment charge", null, Jurisdiction.UK_FCA, ServiceRegime.GENERAL, T), RECEIVED),
                moves(new ComplaintAcknowledged(COMPLAINT, CUSTOMER, T), IN_PROGRESS),
                moves(new ComplaintInformationRequested(COMPLAINT, CUSTOMER, "statement", true, T), AWAITING_CUSTOMER),
                moves(new ComplaintInformationReceived(COMPLAINT, CUSTOMER, "statement", T), IN_PROGRESS),
                moves(new ComplaintResolutionProposed(COMPLAINT, CUSTOMER, ComplaintOutcome.UPHELD, Redress.NONE,
                        "apology", T), RESOLUTION_PROPOSED),
                moves(new ComplaintResolved(COMPLAINT, CUSTOMER, ComplaintOutcome.REJECTED, Redress.NONE, "no error",
                        false, T), RESOLVED),
                moves(new ComplaintResolutionAccepted(COMPLAINT, CUSTOMER, T), CLOSED),
                moves(new ComplaintResolutionDisputed(COMPLAINT, CUSTOMER, "disagree", T), DISPUTED),
                moves(new ComplaintReferred(COMPLAINT, CUSTOMER, ReferralBody.OMBUDSMAN, "FOS", "FOS-1", T), REFERRED),
                moves(new ComplaintReopened(COMPLAINT, CUSTOMER, "new evidence", T), IN_PROGRESS),
                keeps(new ComplaintAssigned(COMPLAINT, CUSTOMER, "handler-1", "cards", T)),
                keeps(new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(), null, "received", T)),
                keeps(new ComplaintDeadlineExtensionRequested(COMPLAINT, CUSTOMER, 2, "complex", "handler", T)),
                keeps(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, "complex", "boss", T)),
                keeps(new ComplaintHoldingResponseSent(COMPLAINT, CUSTOMER, "still looking", T)),
                keeps(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, T, T)),
                keeps(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, T, T)),
                keeps(new ComplaintSourceRecorded(COMPLAINT, CUSTOMER, "CFPB", "1", "A bank", "Web", null, null, null,
                        null, null, null, null, null, null, T)));
    }

    private static Arguments moves(ComplaintEvent event, ComplaintState to) {
        return Arguments.of(Named.of(event.getClass().getSimpleName() + " leads to " + to, event), to);
    }

    private static Arguments keeps(ComplaintEvent event) {
        return Arguments.of(Named.of(event.getClass().getSimpleName() + " keeps the state", event), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void afterEventFromEveryState(ComplaintEvent event, ComplaintState to) {
        for (ComplaintState from : ComplaintState.values()) {
            assertThat(from.after(event)).as("%s after %s", from, event.getClass().getSimpleName())
                    .isEqualTo(to == null ? from : to);
        }
    }

    @Test
    void everyEventTypeOfTheContractsIsCoveredAbove() {
        Set<Class<?>> covered = everyEvent().map(arguments -> ((Named<?>) arguments.get()[0]).getPayload().getClass())
                .collect(Collectors.toSet());
        assertThat(covered).hasSize(18).containsExactlyInAnyOrderElementsOf(complaintEventTypes());
    }

    @Test
    void onlyTheStatesBeforeAFinalResponseAreOpen() {
        assertThat(EnumSet.allOf(ComplaintState.class).stream().filter(ComplaintState::isOpen))
                .containsExactlyInAnyOrder(RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED);
    }

    /** The concrete {@link ComplaintEvent} classes of the contracts package, found on the class path. */
    private static List<Class<?>> complaintEventTypes() {
        String packagePath = ComplaintEvent.class.getPackageName().replace('.', '/');
        URL location = ComplaintEvent.class.getClassLoader().getResource(packagePath);
        assertThat(location).as("the contracts' complaint package on the class path").isNotNull();
        List<String> classFiles = new ArrayList<>();
        try {
            if ("jar".equals(location.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(packagePath + "/") && name.indexOf('/', packagePath.length() + 1) < 0) {
                            classFiles.add(name.substring(packagePath.length() + 1));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    files.map(file -> file.getFileName().toString()).forEach(classFiles::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> types = new ArrayList<>();
        for (String file : classFiles) {
            if (!file.endsWith(".class") || file.contains("$")) {
                continue;
            }
            String className = ComplaintEvent.class.getPackageName() + "." + file.substring(0, file.length() - 6);
            try {
                Class<?> type = Class.forName(className);
                if (ComplaintEvent.class.isAssignableFrom(type) && !type.isInterface()) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }
}
