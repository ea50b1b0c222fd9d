package com.interactionledger.command.dialogue;

import com.interactionledger.command.DocTables;
import com.interactionledger.contracts.dialogue.SessionState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/**
 * The session's table of legal transitions in docs/DOMAIN.md is the table the aggregate enforces
 * ({@link DialogueStep}): this test renders it from the code and compares it with the page's section between the
 * state-table markers.
 */
class SessionStateTableTest {

    @Test
    void domainPageShowsExactlyTheTransitionsTheAggregateEnforces() throws IOException {
        DocTables.assertDocumented("session state table", "<!-- state-table:begin", "<!-- state-table:end -->",
                List.of(DialogueStep.values()), SessionState.values(), DialogueStep::command,
                DialogueStep::allowedFrom, DialogueStep::leadsTo);
    }
}
