package com.interactionledger.projections.complaints;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ChannelComplaintRate;
import com.interactionledger.contracts.complaint.ComplaintCursor;
import com.interactionledger.contracts.complaint.ComplaintPage;
import com.interactionledger.contracts.complaint.ComplaintStatistics;
import com.interactionledger.contracts.complaint.ComplaintView;
import com.interactionledger.contracts.complaint.CountComplaints;
import com.interactionledger.contracts.complaint.CountComplaintsPerSessions;
import com.interactionledger.contracts.complaint.FindComplaint;
import com.interactionledger.contracts.complaint.FindRepeatComplainants;
import com.interactionledger.contracts.complaint.ListComplaints;
import com.interactionledger.contracts.complaint.RepeatComplainant;
import com.interactionledger.contracts.complaint.RepeatComplainantPage;
import com.interactionledger.projections.support.Page;
import com.interactionledger.projections.support.Pseudonyms;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the complaint queries from the complaint read model. */
@Component
class ComplaintQueries {

    private final ComplaintTables tables;
    private final Pseudonyms pseudonyms;

    ComplaintQueries(ComplaintTables tables, Pseudonyms pseudonyms) {
        this.tables = tables;
        this.pseudonyms = pseudonyms;
    }

    @QueryHandler
    Optional<ComplaintView> handle(FindComplaint query) {
        return tables.find(query.complaintId(), query.at());
    }

    @QueryHandler
    ComplaintPage handle(ListComplaints query) {
        Page<ComplaintView> page = Page.read(query.limit(), ListComplaints.MAX_LIMIT,
                fetch -> tables.list(query, fetch));
        return new ComplaintPage(tables.withClocks(page.rows(), query.at()),
                page.next(last -> new ComplaintCursor(last.receivedAt(), last.complaintId())));
    }

    @QueryHandler
    ComplaintStatistics handle(CountComplaints query) {
        List<ComplaintTables.FigureRow> rows = tables.figureRows(query.filter());
        return new ComplaintStatistics(FigureCalculator.figures(FigureCalculator.ALL, rows),
                query.groupBy() == null ? List.of() : FigureCalculator.byGroup(rows, query.groupBy()));
    }

    @QueryHandler
    RepeatComplainantPage handle(FindRepeatComplainants query) {
        Instant from = query.at().minus(Duration.ofDays(query.days()));
        Page<ComplaintTables.CustomerComplaints> page = Page.read(query.limit(), FindRepeatComplainants.MAX_LIMIT,
                fetch -> tables.repeatComplainants(from, query.at(), query.minimum(), query.after(), fetch));
        List<RepeatComplainant> repeat = page.rows().stream().map(customer -> new RepeatComplainant(
                pseudonyms.keyOf(new CustomerId(customer.customerId())), customer.complaintIds().size(),
                customer.receivedAt().get(0), customer.receivedAt().get(customer.receivedAt().size() - 1),
                customer.complaintIds().stream().map(pseudonyms::keyOf).toList())).toList();
        return new RepeatComplainantPage(repeat, page.next(last ->
                new ComplaintCursor(last.receivedAt().get(0), last.complaintIds().get(0))));
    }

    @QueryHandler
    List<ChannelComplaintRate> handle(CountComplaintsPerSessions query) {
        List<ChannelComplaintRate> rates = new ArrayList<>();
        tables.sessionsAndComplaintsByChannel(query.from(), query.to()).forEach((channel, counts) ->
                rates.add(new ChannelComplaintRate(channel, counts[0], counts[1],
                        counts[0] == 0 ? null : counts[1] * 1000.0 / counts[0])));
        return rates;
    }
}
