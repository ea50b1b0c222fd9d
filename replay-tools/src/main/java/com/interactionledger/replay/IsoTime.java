package com.interactionledger.replay;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

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
            return parse(value, Instant::parse, "instant such as 2026-01-31T09:00:00Z");
        }
    }

    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value, Duration::parse, "duration such as PT30M");
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, String example) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("must be an ISO-8601 " + example);
        }
    }
}
