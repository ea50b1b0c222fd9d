package com.interactionledger.command.complaint;

import com.interactionledger.command.DocTables;
import com.interactionledger.contracts.complaint.ComplaintState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/** The complaint transition table in docs/DOMAIN.md is {@link ComplaintStep}, the table the aggregate enforces. */
class ComplaintStateTableTest {

    @Test
    void domainPageShowsExactlyTheTransitionsTheComplaintEnforces() throws IOException {
        DocTables.assertDocumented("complaint table", "<!-- complaint-table:begin", "<!-- complaint-table:end -->",
                List.of(ComplaintStep.values()), ComplaintState.values(), ComplaintStep::command,
                ComplaintStep::allowedFrom, ComplaintStep::leadsTo);
    }
}
