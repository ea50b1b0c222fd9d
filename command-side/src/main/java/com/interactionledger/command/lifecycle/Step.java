package com.interactionledger.command.lifecycle;

/**
 * A step of an aggregate's lifecycle, as its enum of steps lists them ({@code DialogueStep}, {@code ComplaintStep}):
 * the aggregate enforces the steps' transitions, and docs/DOMAIN.md prints them (a test keeps the two identical).
 *
 * @param <S> the aggregate's states
 */
public interface Step<S extends Enum<S>> {

    Transition<S> transition();

    default String command() {
        return transition().command();
    }

    default String leadsTo() {
        return transition().leadsTo();
    }

    default boolean allowedFrom(S state) {
        return transition().allowedFrom(state);
    }
}
