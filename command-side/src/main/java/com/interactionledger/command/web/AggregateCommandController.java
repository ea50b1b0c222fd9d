package com.interactionledger.command.web;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The command API of one kind of aggregate (sessions, complaints): its endpoints send through the
 * {@link CommandDispatcher}, and it answers alike when the id a request names is no aggregate of its kind, or one
 * that exists already. (Spring finds the handlers here for the subclass's endpoints only.)
 */
public abstract class AggregateCommandController {

    protected final CommandDispatcher dispatcher;
    private final String kind;
    private final ErrorCode notFound;
    private final ErrorCode alreadyExists;

    /**
     * @param kind          what the aggregate is called in answers ("session", "complaint")
     * @param notFound      the code of a request naming no such aggregate
     * @param alreadyExists the code of a request creating one whose id is taken
     */
    protected AggregateCommandController(CommandDispatcher dispatcher, String kind, ErrorCode notFound,
                                         ErrorCode alreadyExists) {
        this.dispatcher = dispatcher;
        this.kind = kind;
        this.notFound = notFound;
        this.alreadyExists = alreadyExists;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail unknown(AggregateNotFoundException e, HttpServletRequest request) {
        return Problems.problem(notFound, "No " + kind + " " + e.getAggregateIdentifier(), request);
    }

    /** The id is another aggregate's (a complaint's for a session, say): none of this kind has it (FuzzTest). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    public ProblemDetail ofAnotherKind(HttpServletRequest request) {
        return Problems.problem(notFound, "No " + kind + " with this id", request);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail exists(HttpServletRequest request) {
        return Problems.problem(alreadyExists, "A " + kind + " with this id already exists", request);
    }
}
