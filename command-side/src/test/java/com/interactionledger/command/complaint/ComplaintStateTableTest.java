package com.interactionledger.command.complaint;

import com.interactionledger.command.DocTables;
import com.interactionledger.contracts.complaint.ComplaintState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The complaint transition table in docs/DOMAIN.md is {@link ComplaintStep}, the table the aggregate enforces. */
class ComplaintStateTableTest {

    @Test
    void domainPageShowsExactlyTheTransitionsTheComplaintEnforces() throws IOException {
        String expected = DocTables.render(List.of(ComplaintStep.values()), ComplaintState.values(),
                ComplaintStep::command, ComplaintStep::allowedFrom, ComplaintStep::leadsTo);
        assertThat(DocTables.section("<!-- complaint-table:begin", "<!-- complaint-table:end -->"))
                .as("docs/DOMAIN.md complaint table; the expected table is:%n%s", expected).isEqualTo(expected);
    }
}
