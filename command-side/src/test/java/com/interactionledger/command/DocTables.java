package com.interactionledger.command;

import com.interactionledger.command.lifecycle.Step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a transition table (steps x states) as docs/DOMAIN.md prints it, and reads the section of that page
 * between two markers, so a test can prove the documented table is the one the aggregate enforces.
 */
public final class DocTables {

    /** The page that holds the transition tables (from the module's directory, where the tests run). */
    private static final Path DOMAIN_PAGE = Path.of("../docs/DOMAIN.md");

    private DocTables() {
    }

    public static <S extends Enum<S>> String render(List<? extends Step<S>> steps, S[] states) {
        StringBuilder table = new StringBuilder("| Command | ")
                .append(Arrays.stream(states).map(Enum::name).collect(Collectors.joining(" | ")))
                .append(" | Leads to |\n|---|")
                .append("---|".repeat(states.length))
                .append("---|\n");
        for (Step<S> step : steps) {
            table.append("| ").append(step.command()).append(" | ")
                    .append(Arrays.stream(states).map(state -> step.allowedFrom(state) ? "✓" : "·")
                            .collect(Collectors.joining(" | ")))
                    .append(" | ").append(step.leadsTo()).append(" |\n");
        }
        return table.toString().strip();
    }

    /**
     * The table docs/DOMAIN.md prints between the markers {@code <!-- marker:begin} and {@code <!-- marker:end -->}
     * is exactly the one {@link #render} makes of the steps and states.
     */
    public static <S extends Enum<S>> void assertDocumented(String marker, List<? extends Step<S>> steps, S[] states)
            throws IOException {
        String expected = render(steps, states);
        assertThat(section("<!-- " + marker + ":begin", "<!-- " + marker + ":end -->"))
                .as("docs/DOMAIN.md %s; the expected table is:%n%s", marker, expected)
                .isEqualTo(expected);
    }

    /** The text of docs/DOMAIN.md between the line starting with {@code begin} and the {@code end} marker. */
    public static String section(String begin, String end) throws IOException {
        String page = Files.readString(DOMAIN_PAGE, StandardCharsets.UTF_8);
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        assertThat(from).as(DOMAIN_PAGE + " has the marker " + begin).isNotNegative();
        assertThat(to).as(DOMAIN_PAGE + " has the marker " + end).isGreaterThan(from);
        return page.substring(page.indexOf('\n', from) + 1, to).strip();
    }
}
