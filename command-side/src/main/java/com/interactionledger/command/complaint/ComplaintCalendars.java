package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.Jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The business calendar of every jurisdiction, loaded from configuration (see complaint-calendars.properties). */
public final class ComplaintCalendars {

    /** The calendars shipped with the ledger (classpath resources). */
    public static final Map<Jurisdiction, String> SHIPPED = Map.of(
            Jurisdiction.UK_FCA, "calendars/england-and-wales.json",
            Jurisdiction.US_CFPB, "calendars/united-states.json",
            Jurisdiction.CN_NFRA, "calendars/mainland-china.json");

    private final Map<Jurisdiction, BusinessCalendar> calendars;

    public ComplaintCalendars(Map<Jurisdiction, BusinessCalendar> calendars) {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (!calendars.containsKey(jurisdiction)) {
                throw new IllegalArgumentException("no business calendar configured for " + jurisdiction);
            }
        }
        this.calendars = new EnumMap<>(calendars);
    }

    /** Loads one calendar per jurisdiction through {@code open} (a classpath or file resource opener). */
    public static ComplaintCalendars load(Map<Jurisdiction, String> locations, Function<String, InputStream> open) {
        Map<Jurisdiction, BusinessCalendar> calendars = new EnumMap<>(Jurisdiction.class);
        locations.forEach((jurisdiction, location) -> {
            try (InputStream json = open.apply(location)) {
                if (json == null) {
                    throw new IllegalArgumentException("calendar of " + jurisdiction + " not found at " + location);
                }
                calendars.put(jurisdiction, BusinessCalendar.read(json));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the calendar of " + jurisdiction + " at " + location, e);
            }
        });
        return new ComplaintCalendars(calendars);
    }

    /** The calendars shipped with the ledger. */
    public static ComplaintCalendars shipped() {
        return load(SHIPPED, location -> ComplaintCalendars.class.getClassLoader().getResourceAsStream(location));
    }

    public BusinessCalendar of(Jurisdiction jurisdiction) {
        return calendars.get(jurisdiction);
    }
}
