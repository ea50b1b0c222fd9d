package com.interactionledger.command;

import com.interactionledger.command.lifecycle.Step;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The (step, state) pairs of an aggregate's transition table, as its transition test walks them, and how that test
 * names its cases: {@code givenWithAgent_whenCloseSession_thenIllegalTransition}.
 */
public final class TransitionTables {

    private TransitionTables() {
    }

    /** A step of the table tried from a state. */
    public record StepFrom<S, T>(S step, T state) {
    }

    /** Every step from every state. */
    public static <S, T> Stream<StepFrom<S, T>> allPairs(S[] steps, T[] states) {
        return Arrays.stream(steps).flatMap(step -> Arrays.stream(states).map(state -> new StepFrom<>(step, state)));
    }

    /** Those of the pairs the production table allows. */
    public static <S extends Step<T>, T extends Enum<T>> Set<StepFrom<S, T>> allowed(Stream<StepFrom<S, T>> pairs) {
        return pairs.filter(pair -> pair.step().allowedFrom(pair.state())).collect(Collectors.toSet());
    }

    /**
     * The arguments (step, state) of each pair that is not {@code legal}, named after the state and the step's
     * command.
     */
    public static <S extends Step<T>, T extends Enum<T>> Stream<Arguments> illegalTransitions(
            Stream<StepFrom<S, T>> pairs, Set<StepFrom<S, T>> legal) {
        return pairs.filter(pair -> !legal.contains(pair))
                .map(pair -> Arguments.of(Named.of("given" + camel(pair.state()) + "_when"
                        + pair.step().command() + "_thenIllegalTransition", pair.step()), pair.state()));
    }

    /** {@code WITH_AGENT} as {@code WithAgent}. */
    public static String camel(Enum<?> constant) {
        StringBuilder name = new StringBuilder();
        for (String part : constant.name().toLowerCase().split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
