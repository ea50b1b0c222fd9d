package com.interactionledger.command;

import com.interactionledger.command.complaint.ComplaintStep;
import com.interactionledger.command.dialogue.DialogueStep;
import com.interactionledger.command.lifecycle.Step;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.dialogue.SessionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The tables of legal transitions in docs/DOMAIN.md are the tables the aggregates enforce ({@link DialogueStep},
 * {@link ComplaintStep}): each is rendered from the code and compared with the page's section between its markers.
 */
class LifecycleTablesTest {

    static Stream<Arguments> tables() {
        return Stream.of(arguments("state-table", List.of(DialogueStep.values()), SessionState.values()),
                arguments("complaint-table", List.of(ComplaintStep.values()), ComplaintState.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <S extends Enum<S>> void domainPageShowsExactlyTheTransitionsTheAggregateEnforces(
            String marker, List<? extends Step<S>> steps, S[] states) throws IOException {
        DocTables.assertDocumented(marker, steps, states);
    }
}
