package com.interactionledger.command;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.ledger.append.RuleViolations;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the scenario tests of an aggregate share: a fresh {@link AggregateTestFixture} for every test, and the check
 * that a refused command fails with its rule's error code and appends nothing.
 *
 * @param <A> the aggregate under test
 */
public abstract class AggregateFixtureSupport<A> {

    private final Supplier<AggregateTestFixture<A>> fixtures;
    private final Class<? extends RuleViolation> violation;

    protected AggregateTestFixture<A> fixture;

    /**
     * @param fixtures  a new fixture of the aggregate, wired as its scenarios class does it
     * @param violation the kind of rule violation the aggregate refuses commands with
     */
    protected AggregateFixtureSupport(Supplier<AggregateTestFixture<A>> fixtures,
                                      Class<? extends RuleViolation> violation) {
        this.fixtures = fixtures;
        this.violation = violation;
    }

    @BeforeEach
    protected void freshFixture() {
        fixture = fixtures.get();
    }

    /** Given {@code history}, {@code command} is refused with {@code code} and appends nothing. */
    protected void expectRefused(List<?> history, Object command, ErrorCode code) {
        expectRefused(fixture.given(history).when(command), code);
    }

    /**
     * One case of a parameterised scenario test: the arguments ({@code history}, {@code command}), shown under
     * {@code name}, a given/when/then sentence like a test method's name.
     */
    protected static Arguments scenario(String name, List<?> history, Object command) {
        return Arguments.of(Named.of(name, history), command);
    }

    /** The command already sent was refused with {@code code} and appended nothing. */
    protected void expectRefused(ResultValidator<A> result, ErrorCode code) {
        result.expectException(RuleViolations.violation(violation, code)).expectNoEvents();
    }
}
