package com.interactionledger.command.dialogue;

import com.interactionledger.command.ReadmeTables;
import com.interactionledger.contracts.dialogue.SessionState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of legal transitions is the table the aggregate enforces ({@link DialogueStep}): this test
 * renders it from the code and compares it with the README section between the state-table markers.
 */
class ReadmeStateTableTest {

    @Test
    void readmeShowsExactlyTheTransitionsTheAggregateEnforces() throws IOException {
        String expected = ReadmeTables.render(List.of(DialogueStep.values()), SessionState.values(),
                DialogueStep::command, DialogueStep::allowedFrom, DialogueStep::leadsTo);
        assertThat(ReadmeTables.section("<!-- state-table:begin", "<!-- state-table:end -->"))
                .as("README state table; the expected table is:%n%s", expected).isEqualTo(expected);
    }
}
