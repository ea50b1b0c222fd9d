package com.interactionledger.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a transition table (steps x states) as the README prints it, and reads the README section between two
 * markers, so a test can prove the documented table is the one the aggregate enforces.
 */
public final class ReadmeTables {

    private ReadmeTables() {
    }

    public static <T, S extends Enum<S>> String render(List<T> steps, S[] states, Function<T, String> command,
                                                       BiPredicate<T, S> allowed, Function<T, String> leadsTo) {
        StringBuilder table = new StringBuilder("| Command | ")
                .append(Arrays.stream(states).map(Enum::name).collect(Collectors.joining(" | ")))
                .append(" | Leads to |\n|---|")
                .append("---|".repeat(states.length))
                .append("---|\n");
        for (T step : steps) {
            table.append("| ").append(command.apply(step)).append(" | ")
                    .append(Arrays.stream(states).map(state -> allowed.test(step, state) ? "✓" : "·")
                            .collect(Collectors.joining(" | ")))
                    .append(" | ").append(leadsTo.apply(step)).append(" |\n");
        }
        return table.toString().strip();
    }

    /** The README text between the line starting with {@code begin} and the {@code end} marker. */
    public static String section(String begin, String end) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("README has the marker " + begin).isNotNegative();
        assertThat(to).as("README has the marker " + end).isGreaterThan(from);
        return readme.substring(readme.indexOf('\n', from) + 1, to).strip();
    }
}
