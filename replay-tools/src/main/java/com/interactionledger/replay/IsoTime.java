package com.interactionledger.replay;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants and durations on the command line are ISO-8601, and a wrong one is named with an example; the exception
 * handler puts the option's name in front ("--from must be an ISO-8601 instant such as ...").
 */
public final class IsoTime {

    private IsoTime() {
    }

    public static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
            }
        }
    }

    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be an ISO-8601 duration such as PT30M");
            }
        }
    }
}
