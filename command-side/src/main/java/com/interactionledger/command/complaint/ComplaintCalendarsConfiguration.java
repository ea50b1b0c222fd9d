package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.Jurisdiction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The business calendars the complaint clocks use. Each jurisdiction's calendar is a JSON file; override one with
 * {@code ledger.complaints.calendar.UK_FCA=file:/etc/ledger/england-and-wales.json} (any Spring resource location)
 * to add next year's holidays without a release.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintCalendarsConfiguration {

    @Bean
    ComplaintCalendars complaintCalendars(ResourceLoader resources,
                                          @Value("${ledger.complaints.calendar.UK_FCA:classpath:calendars/england-and-wales.json}") String uk,
                                          @Value("${ledger.complaints.calendar.US_CFPB:classpath:calendars/united-states.json}") String us,
                                          @Value("${ledger.complaints.calendar.CN_NFRA:classpath:calendars/mainland-china.json}") String cn) {
        Map<Jurisdiction, String> locations = new EnumMap<>(Jurisdiction.class);
        locations.put(Jurisdiction.UK_FCA, uk);
        locations.put(Jurisdiction.US_CFPB, us);
        locations.put(Jurisdiction.CN_NFRA, cn);
        return ComplaintCalendars.load(locations, location -> {
            try {
                return resources.getResource(location).getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open calendar " + location, e);
            }
        });
    }
}
