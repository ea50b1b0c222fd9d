package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint brought from another register (imported), and what that register says of it beyond the ledger's own
 * vocabulary, word for word: how it was submitted, when it was sent to the company, the company's response and
 * whether the source deemed it timely, whether the consumer disputed it. The ledger's own clocks and outcome stand
 * beside these; neither replaces the other. Recorded right after {@link ComplaintLodged}, at the same valid time.
 *
 * @param sourceSystem          the register, e.g. {@code CFPB}
 * @param sourceRecordId        the complaint's id in that register
 * @param company               the company complained about, as the source names it
 * @param submittedVia          how the consumer submitted it, as the source says ({@code Web}, {@code Phone}...)
 * @param sentToCompanyOn       when the source sent it to the company (null: not said)
 * @param companyResponse       the company's response to the consumer, as the source says (null: none yet)
 * @param companyPublicResponse the company's public response, as the source says
 * @param timelyResponse        whether the source deemed the response timely (null: not said)
 * @param consumerDisputed      whether the consumer disputed the response (null: not said, or N/A)
 * @param tags                  the source's tags ({@code Older American}, {@code Servicemember}...)
 * @param consumerConsent       whether the consumer consented to publishing the narrative, as the source says
 * @param state                 the consumer's state or region, as the source says
 * @param postalCode            the consumer's postal code as the source publishes it (often masked: {@code 330XX})
 */
@Revision("1")
public record ComplaintSourceRecorded(
        ComplaintId complaintId,
        CustomerId customerId,
        String sourceSystem,
        String sourceRecordId,
        String company,
        String submittedVia,
        LocalDate sentToCompanyOn,
        String companyResponse,
        String companyPublicResponse,
        Boolean timelyResponse,
        Boolean consumerDisputed,
        String tags,
        String consumerConsent,
        String state,
        @PersonalData String postalCode,
        Instant occurredAt
) implements ComplaintEvent {
}
