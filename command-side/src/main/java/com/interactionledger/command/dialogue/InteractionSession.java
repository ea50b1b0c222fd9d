package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonSession;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.CorrectBotAnswer;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.CloseSession;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.LanguageTag;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.PutSessionOnHold;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.IdentifyProduct;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.ProductSource;
import com.interactionledger.contracts.dialogue.RecordIntent;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.RecordSentiment;
import com.interactionledger.contracts.dialogue.RecordSurveyResponse;
import com.interactionledger.contracts.dialogue.RequestHandoff;
import com.interactionledger.contracts.dialogue.ResolveSession;
import com.interactionledger.contracts.dialogue.ResumeSession;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionResumed;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One interaction session of one customer on one channel: the dialogue's state machine. Command handlers only
 * decide (through {@link DialogueStep} and the named policies) and apply events; state changes only in the event
 * sourcing handlers, so replaying the events rebuilds exactly this state. No clock and no randomness here: every
 * time and id arrives on the command, stamped at the edge.
 */
@Aggregate(cache = "sessionCache")
public class InteractionSession {

    @AggregateIdentifier
    private SessionId sessionId;
    private CustomerId customerId;
    private Channel channel;
    private SessionState state;
    private String queue;
    private AgentId agent;
    private final Set<MessageId> messageIds = new HashSet<>();
    /** The bot's messages, and those of them marked corrected: what a correction may name. */
    private final Set<MessageId> botAnswers = new HashSet<>();
    private final Set<MessageId> correctedAnswers = new HashSet<>();
    private String lastIntent;
    private Double lastSentimentScore;
    private SessionId continuedBy;
    private boolean surveyRecorded;

    /** For Axon, which rebuilds the session from its events. */
    protected InteractionSession() {
    }

    /** Starts a session; {@code previousChannel} is the channel of the session it continues, if any. */
    InteractionSession(StartSession command, Channel previousChannel) {
        apply(new SessionStarted(command.sessionId(), command.customerId(), command.channel(),
                command.socialNetwork(), command.entryPoint(), command.language(), command.queue(),
                command.continuation() == null ? null : command.continuation().previousSessionId(),
                previousChannel,
                command.continuation() == null ? null : command.continuation().contextSummary(),
                command.occurredAt()));
    }

    /**
     * This session is being continued by {@code next} on another channel.
     *
     * @return this session's channel, which the new session records as where it came from
     */
    Channel continueElsewhere(StartSession next) {
        DialogueStep.CONTINUE_ELSEWHERE.requireAllowedFrom(state);
        ContinuationPolicy.check(sessionId, customerId, channel, continuedBy,
                next.sessionId(), next.customerId(), next.channel());
        apply(new SessionContinuedElsewhere(sessionId, customerId, next.sessionId(), next.channel(),
                next.continuation().contextSummary(), next.occurredAt()));
        return channel;
    }

    @CommandHandler
    public void handle(RecordMessage command) {
        DialogueStep.RECORD_MESSAGE.requireAllowedFrom(state);
        if (messageIds.contains(command.messageId())) {
            throw new DialogueRuleViolation(ErrorCode.DUPLICATE_MESSAGE,
                    "message " + command.messageId() + " is already recorded in session " + sessionId);
        }
        String author = MessageAuthorshipPolicy.authorize(state, command, customerId, agent, channel);
        if (command.basis() != null && command.authorRole() != ParticipantRole.BOT) {
            throw new DialogueRuleViolation(ErrorCode.NOT_A_BOT_ANSWER,
                    "only a bot's answer carries a basis, not a " + command.authorRole() + " message");
        }
        apply(new MessageRecorded(sessionId, customerId, command.messageId(), command.authorRole(), author,
                command.text(), LanguageTag.languageOf(command.language()), LanguageTag.regionOf(command.language()),
                command.attachments() == null ? List.of() : List.copyOf(command.attachments()),
                command.occurredAt()));
        if (command.basis() != null) {
            // In the same unit of work: the answer and what it was based on are on the record together or not at all.
            apply(new AnswerBasisRecorded(sessionId, customerId, command.messageId(), channel, command.basis(),
                    command.occurredAt()));
        }
    }

    /**
     * A person marks a bot's answer of this session as contradicted or replaced, here or in the session that
     * continued this one (the journey goes on there, and the correction is told to the answer's own session).
     */
    @CommandHandler
    public void handle(CorrectBotAnswer command) {
        DialogueStep.CORRECT_ANSWER.requireAllowedFrom(state);
        if (!botAnswers.contains(command.answerId())) {
            throw new DialogueRuleViolation(ErrorCode.NOT_A_BOT_ANSWER,
                    "message " + command.answerId() + " is not a bot's answer in session " + sessionId);
        }
        if (correctedAnswers.contains(command.answerId())) {
            throw new DialogueRuleViolation(ErrorCode.ANSWER_ALREADY_CORRECTED,
                    "the answer " + command.answerId() + " is already marked corrected");
        }
        SessionId where = command.inSessionId() == null ? sessionId : command.inSessionId();
        if (!where.equals(sessionId) && !where.equals(continuedBy)) {
            throw new DialogueRuleViolation(ErrorCode.CORRECTION_OUT_OF_JOURNEY, "session " + where
                    + " is neither " + sessionId + " nor the session that continued it"
                    + (continuedBy == null ? " (none has)" : " (" + continuedBy + ")"));
        }
        if (where.equals(sessionId)) {
            // the replacing message of a correction made here is one of this session's (the next session's are its own)
            requireKnownMessage(command.correctionMessageId());
        }
        if (command.caller() == null) {
            throw new DialogueRuleViolation(ErrorCode.AUTHOR_NOT_ALLOWED,
                    "the correction names no caller: who corrected is proven by a token, never claimed");
        }
        apply(new BotAnswerCorrected(sessionId, customerId, command.answerId(), command.caller().actorId(), where,
                command.correctionMessageId(), command.reason(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordIntent command) {
        DialogueStep.RECORD_INTENT.requireAllowedFrom(state);
        requireKnownMessage(command.messageId());
        apply(new IntentRecorded(sessionId, customerId, command.messageId(), command.label(), command.confidence(),
                command.classifier(), command.occurredAt()));
    }

    /**
     * The source follows from the proven caller: a person is an agent, the channel's bot a bot, any other machine a
     * classifier (a person's confidence is not recorded: it would be a claim of no one's model).
     */
    @CommandHandler
    public void handle(IdentifyProduct command) {
        DialogueStep.IDENTIFY_PRODUCT.requireAllowedFrom(state);
        Caller caller = command.caller();
        if (caller == null) {
            throw new DialogueRuleViolation(ErrorCode.AUTHOR_NOT_ALLOWED,
                    "the identification names no caller: who identified the product is proven by a token");
        }
        ProductSource source = caller.role() != AccessRole.SYSTEM ? ProductSource.AGENT
                : caller.botOn().contains(channel) ? ProductSource.BOT : ProductSource.CLASSIFIER;
        apply(new ProductIdentified(sessionId, customerId, command.product(), command.subProduct(), source,
                caller.actorId(), source == ProductSource.AGENT ? null : command.confidence(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordSentiment command) {
        DialogueStep.RECORD_SENTIMENT.requireAllowedFrom(state);
        requireKnownMessage(command.messageId());
        apply(new SentimentRecorded(sessionId, customerId, command.messageId(), command.score(), command.model(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(RequestHandoff command) {
        DialogueStep.REQUEST_HANDOFF.requireAllowedFrom(state);
        // The handoff carries what the bot learnt, so the agent starts where the bot stopped.
        apply(new HandoffRequested(sessionId, customerId, command.queue(), command.reason(),
                command.contextSummary(), lastIntent, lastSentimentScore, messageIds.size(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AssignAgent command) {
        DialogueStep.ASSIGN_AGENT.requireAllowedFrom(state);
        apply(new AgentAssigned(sessionId, customerId, command.agentId(), queue, command.occurredAt()));
    }

    @CommandHandler
    public void handle(TransferSession command) {
        DialogueStep.TRANSFER.requireAllowedFrom(state);
        if (agent.equals(command.toAgentId())) {
            throw new DialogueRuleViolation(ErrorCode.SAME_AGENT_TRANSFER,
                    "session " + sessionId + " is already with agent " + agent);
        }
        apply(new SessionTransferred(sessionId, customerId, agent, command.toAgentId(), command.toQueue(),
                command.mode(), command.reason(), command.note(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(PutSessionOnHold command) {
        DialogueStep.PUT_ON_HOLD.requireAllowedFrom(state);
        apply(new SessionPutOnHold(sessionId, customerId, agent, command.reason(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ResumeSession command) {
        DialogueStep.RESUME.requireAllowedFrom(state);
        apply(new SessionResumed(sessionId, customerId, agent, command.occurredAt()));
    }

    @CommandHandler
    public void handle(ResolveSession command) {
        DialogueStep.RESOLVE.requireAllowedFrom(state);
        boolean byBot = state == SessionState.BOT_HANDLING;
        apply(new SessionResolved(sessionId, customerId, command.resolutionCode(),
                command.firstContactResolution(), byBot ? ParticipantRole.BOT : ParticipantRole.AGENT,
                byBot ? null : agent, command.occurredAt()));
    }

    @CommandHandler
    public void handle(AbandonSession command) {
        DialogueStep.ABANDON.requireAllowedFrom(state);
        apply(new SessionAbandoned(sessionId, customerId, command.reason(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(CloseSession command) {
        DialogueStep.CLOSE.requireAllowedFrom(state);
        apply(new SessionClosed(sessionId, customerId, command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordSurveyResponse command) {
        DialogueStep.RECORD_SURVEY.requireAllowedFrom(state);
        if (surveyRecorded) {
            throw new DialogueRuleViolation(ErrorCode.SURVEY_ALREADY_RECORDED,
                    "session " + sessionId + " already has its survey response");
        }
        apply(new SurveyResponseRecorded(sessionId, customerId, command.csat(), command.nps(), command.comment(),
                command.occurredAt()));
    }

    private void requireKnownMessage(MessageId messageId) {
        if (messageId != null && !messageIds.contains(messageId)) {
            throw new DialogueRuleViolation(ErrorCode.UNKNOWN_MESSAGE,
                    "message " + messageId + " is not part of session " + sessionId);
        }
    }

    // ---- state changes: only from events ----

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        customerId = event.customerId();
        channel = event.channel();
        queue = event.queue();
        state = SessionState.initial(event);
    }

    @EventSourcingHandler
    void on(SessionContinuedElsewhere event) {
        continuedBy = event.nextSessionId();
        evolve(event);
    }

    @EventSourcingHandler
    void on(MessageRecorded event) {
        messageIds.add(event.messageId());
        if (event.authorRole() == ParticipantRole.BOT) {
            botAnswers.add(event.messageId());
        }
    }

    @EventSourcingHandler
    void on(BotAnswerCorrected event) {
        correctedAnswers.add(event.answerId());
    }

    @EventSourcingHandler
    void on(IntentRecorded event) {
        lastIntent = event.label();
    }

    @EventSourcingHandler
    void on(SentimentRecorded event) {
        lastSentimentScore = event.score();
    }

    @EventSourcingHandler
    void on(HandoffRequested event) {
        queue = event.queue();
        evolve(event);
    }

    @EventSourcingHandler
    void on(AgentAssigned event) {
        agent = event.agentId();
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionTransferred event) {
        agent = event.toAgentId();
        if (event.toQueue() != null) {
            queue = event.toQueue();
        }
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionPutOnHold event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionResumed event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionResolved event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionAbandoned event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(SurveyResponseRecorded event) {
        surveyRecorded = true;
    }

    private void evolve(DialogueEvent event) {
        state = state.after(event);
    }
}
