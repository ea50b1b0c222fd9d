package com.interactionledger.query.web;

import com.interactionledger.contracts.audit.PersonalDataRead;
import com.interactionledger.contracts.common.AccessRefused;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.ledger.append.CustomerRestrictions;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Guards and records every read of a customer's personal data. A customer whose processing is restricted is seen by
 * regulators only: anyone else is refused with 451 {@code CUSTOMER_RESTRICTED} (lists and figures leave restricted
 * customers out in their queries already; this is the guard of every answer). The guard asks the ledger, not the
 * privacy read model: {@link CustomerRestrictions} is written in the restriction event's own transaction, so a
 * restriction holds from the moment its command is answered, on every instance, even while the read models lag. Every read served is recorded in the
 * ledger: one {@link PersonalDataRead} per customer whose data the answer contains, with the reader, the endpoint
 * and what was read. Recorded before the answer is sent: if the record cannot be written, the data is not served.
 * The records of one answer are one append (stored in one transaction, with whatever else the ledger's group
 * commit stores at that moment), so an answer's reads are on the record together or not at all.
 */
@Component
public class PersonalDataAccess {

    private final EventGateway events;
    private final Clock clock;
    private final CustomerRestrictions restrictions;

    public PersonalDataAccess(EventGateway events, Clock clock, CustomerRestrictions restrictions) {
        this.events = events;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    public void recordRead(ReaderContext reader, HttpServletRequest request, Collection<CustomerId> customers,
                           String resourceType, String resourceId) {
        if (!reader.seesRestricted()) {
            Set<String> restricted = restrictions.restricted(customers.stream().map(CustomerId::value).toList());
            customers.stream().filter(customer -> restricted.contains(customer.value())).findFirst()
                    .ifPresent(customer -> {
                        throw AccessRefused.restricted(customer);
                    });
        }
        String endpoint = request.getMethod() + " "
                + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        List<EventMessage<?>> reads = new ArrayList<>();
        for (CustomerId customer : new LinkedHashSet<>(customers)) {
            reads.add(GenericEventMessage.asEventMessage(new PersonalDataRead(customer, endpoint, resourceType,
                    resourceId == null ? customer.value() : resourceId, clock.instant())).andMetaData(reader.metaData()));
        }
        events.publish(reads);
    }
}
