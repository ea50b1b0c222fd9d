package com.interactionledger.command.complaint;

import com.interactionledger.command.ReadmeTables;
import com.interactionledger.contracts.complaint.ComplaintState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's complaint transition table is {@link ComplaintStep}, the table the aggregate enforces. */
class ComplaintStateTableTest {

    @Test
    void readmeShowsExactlyTheTransitionsTheComplaintEnforces() throws IOException {
        String expected = ReadmeTables.render(List.of(ComplaintStep.values()), ComplaintState.values(),
                ComplaintStep::command, ComplaintStep::allowedFrom, ComplaintStep::leadsTo);
        assertThat(ReadmeTables.section("<!-- complaint-table:begin", "<!-- complaint-table:end -->"))
                .as("README complaint table; the expected table is:%n%s", expected).isEqualTo(expected);
    }
}
