package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.AcknowledgeComplaint;
import com.interactionledger.contracts.complaint.ComplaintCommand;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.DisputeResolution;
import com.interactionledger.contracts.complaint.ImportComplaint;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import com.interactionledger.tools.importing.source.SourceColumns;
import com.interactionledger.tools.importing.source.SourceColumns.Field;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The US CFPB's public complaint export (the 18 columns of its CSV), as complaints under {@code US_CFPB}: each row
 * one complaint, lodged at its {@code Date received}, what the register says of it recorded word for word
 * ({@link ComplaintSourceRecorded}), and the company's response as the final response where it is one. The mapping of
 * each value is in docs/IMPORTING.md; {@link #OUTCOMES} and {@link #CHANNELS} are the tables it prints.
 */
public final class CfpbComplaints implements SourceFormat {

    /** The register publishes dates; the CFPB works in Washington, D.C., so a date is taken from its start there. */
    static final ZoneId REGISTER_ZONE = ZoneId.of("America/New_York");

    static final List<Field> FIELDS = List.of(
            Field.required("dateReceived", "Date received"),
            Field.required("product", "Product"),
            Field.optional("subProduct", "Sub-product"),
            Field.required("issue", "Issue"),
            Field.optional("subIssue", "Sub-issue"),
            Field.optional("narrative", "Consumer complaint narrative"),
            Field.optional("companyPublicResponse", "Company public response"),
            Field.required("company", "Company"),
            Field.optional("state", "State"),
            Field.optional("zipCode", "ZIP code"),
            Field.optional("tags", "Tags"),
            Field.optional("consent", "Consumer consent provided?"),
            Field.required("submittedVia", "Submitted via"),
            Field.optional("dateSentToCompany", "Date sent to company"),
            Field.optional("companyResponse", "Company response to consumer"),
            Field.optional("timely", "Timely response?"),
            Field.optional("disputed", "Consumer disputed?"),
            Field.required("complaintId", "Complaint ID"));

    /** How the consumer submitted it, as the ledger's channel. */
    static final Map<String, Channel> CHANNELS = Map.of(
            "web", Channel.WEB_FORM,
            "phone", Channel.PHONE,
            "email", Channel.EMAIL,
            "postal mail", Channel.POST,
            "fax", Channel.FAX,
            "referral", Channel.REFERRAL,
            "web referral", Channel.REFERRAL);

    /**
     * The company's response as the ledger's final response: relief of any kind upholds the complaint; an
     * explanation, or closing without relief, does not. "In progress" and "Untimely response" (the company has not
     * responded) are no final response: the complaint stays open.
     */
    static final Map<String, ComplaintOutcome> OUTCOMES = Map.of(
            "closed with monetary relief", ComplaintOutcome.UPHELD,
            "closed with non-monetary relief", ComplaintOutcome.UPHELD,
            "closed with relief", ComplaintOutcome.UPHELD,
            "closed with explanation", ComplaintOutcome.REJECTED,
            "closed without relief", ComplaintOutcome.REJECTED,
            "closed", ComplaintOutcome.REJECTED);

    private static final List<String> OPEN = List.of("in progress", "untimely response", "");

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.ofPattern("uuuu/M/d"));

    @Override
    public String name() {
        return "cfpb";
    }

    @Override
    public void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects)
            throws IOException {
        SourceFormat.rowsBelowHeader(file, FIELDS, settings, rejects, (columns, record) -> {
            try {
                records.accept(complaint(new Values(columns, record)));
            } catch (BadValue bad) {
                rejects.reject(record.line(), bad.column, bad.getMessage());
            }
        });
    }

    private Record complaint(Values row) {
        String sourceId = row.required("complaintId");
        ComplaintId complaint = new ComplaintId("cfpb-" + sourceId);
        // The public register does not identify consumers: each complaint is its own data subject.
        CustomerId customer = new CustomerId("cfpb-consumer-" + sourceId);
        Instant received = row.date("dateReceived");
        LocalDate sent = row.optionalDate("dateSentToCompany");
        String submittedVia = row.required("submittedVia");
        Channel channel = CHANNELS.get(submittedVia.toLowerCase(Locale.ROOT));
        if (channel == null) {
            throw row.bad("submittedVia", "\"" + submittedVia + "\" is not a way the mapping knows ("
                    + CHANNELS.keySet() + ")");
        }
        String response = row.text("companyResponse");
        String responseKey = response == null ? "" : response.toLowerCase(Locale.ROOT);
        ComplaintOutcome outcome = OUTCOMES.get(responseKey);
        if (outcome == null && !OPEN.contains(responseKey)) {
            throw row.bad("companyResponse", "\"" + response + "\" is not a response the mapping knows ("
                    + OUTCOMES.keySet() + ", or " + OPEN.subList(0, 2) + ")");
        }
        Boolean disputed = row.yesNo("disputed");
        LodgeComplaint lodge = new LodgeComplaint(complaint, customer, List.of(), channel, row.required("product"),
                row.text("subProduct"), row.required("issue"), row.text("subIssue"), row.text("narrative"), null,
                Jurisdiction.US_CFPB, ServiceRegime.GENERAL, received);
        ComplaintSourceRecorded source = new ComplaintSourceRecorded(complaint, customer, "CFPB", sourceId,
                row.required("company"), submittedVia, sent, response, row.text("companyPublicResponse"),
                row.yesNo("timely"), disputed, row.text("tags"), row.text("consent"), row.text("state"),
                row.text("zipCode"), received);
        List<ComplaintCommand> then = new ArrayList<>();
        // The register gives no date of the company's response: the ledger records it at the date the complaint was
        // sent to the company (the receipt where that is not given), and keeps the register's timeliness beside it.
        Instant responded = sent == null ? received : start(sent);
        if (responded.isBefore(received)) {
            throw row.bad("dateSentToCompany", "the complaint was sent to the company (" + sent
                    + ") before it was received");
        }
        if (sent != null) {
            then.add(new AcknowledgeComplaint(complaint, null, responded));
        }
        if (outcome != null) {
            then.add(new ResolveComplaint(complaint, null, outcome, outcome == ComplaintOutcome.UPHELD
                    ? new Redress(null, response) : Redress.NONE, null, false, responded));
            if (Boolean.TRUE.equals(disputed)) {
                then.add(new DisputeResolution(complaint, null, null, responded));
            }
        }
        return new Record(sourceId, row.record.line(), complaint.value(), customer.value(),
                new ImportComplaint(lodge, source, then));
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(REGISTER_ZONE).toInstant();
    }

    /** A value the mapping cannot take: the record is rejected, naming the column. */
    static final class BadValue extends RuntimeException {
        final int column;

        BadValue(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    /** One row's values by field name. */
    private record Values(SourceColumns columns, Row.Record record) {

        /** The value, stripped; null when the file has no such column or the cell is empty. */
        String text(String field) {
            String value = columns.get(record.fields(), field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String field) {
            String value = text(field);
            if (value == null) {
                throw bad(field, "is empty");
            }
            return value;
        }

        Instant date(String field) {
            return start(parse(field, required(field)));
        }

        LocalDate optionalDate(String field) {
            String value = text(field);
            return value == null ? null : parse(field, value);
        }

        private LocalDate parse(String field, String value) {
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException ignored) {
                    // the next form
                }
            }
            throw bad(field, "\"" + value + "\" is not a date (2020-03-18, 3/18/2020 or 2020/3/18)");
        }

        /** Yes, No, or not said (empty, N/A). */
        Boolean yesNo(String field) {
            String value = text(field);
            if (value == null || value.equalsIgnoreCase("N/A")) {
                return null;
            }
            if (value.equalsIgnoreCase("Yes")) {
                return true;
            }
            if (value.equalsIgnoreCase("No")) {
                return false;
            }
            throw bad(field, "\"" + value + "\" is not Yes, No or N/A");
        }

        BadValue bad(String field, String reason) {
            return new BadValue(columns.column(field), field + " (column " + columns.column(field) + "): " + reason);
        }
    }
}
