package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AbandonSession;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.CorrectBotAnswer;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.AttachmentRef;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.Continuation;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.PutSessionOnHold;
import com.interactionledger.contracts.dialogue.IdentifyProduct;
import com.interactionledger.contracts.dialogue.RecordIntent;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.RecordSentiment;
import com.interactionledger.contracts.dialogue.RecordSurveyResponse;
import com.interactionledger.contracts.dialogue.RequestHandoff;
import com.interactionledger.contracts.dialogue.ResolveSession;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import com.interactionledger.contracts.knowledge.ArticleId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

import static com.interactionledger.command.web.RequestPatterns.CODE;
import static com.interactionledger.command.web.RequestPatterns.ID;
import static com.interactionledger.command.web.RequestPatterns.LANGUAGE;

/**
 * The JSON bodies of the command API, validated field by field (all violations are reported together) before a
 * command is built. Ids arrive as strings checked against {@link Identifiers#PATTERN}; times never arrive from
 * the client: {@code now} comes from the edge's injected clock.
 */
final class DialogueRequests {

    private DialogueRequests() {
    }

    record StartSessionRequest(
            @Pattern(regexp = ID) String sessionId,
            @NotNull @Pattern(regexp = ID) String customerId,
            @NotNull Channel channel,
            SocialNetwork socialNetwork,
            @NotBlank @Size(max = 200) String entryPoint,
            @Pattern(regexp = LANGUAGE) String language,
            @Pattern(regexp = CODE) String queue,
            @Valid ContinuationRequest continuation) {

        @AssertTrue(message = "socialNetwork is required for channel SOCIAL and only allowed there")
        boolean isSocialNetworkConsistent() {
            return (channel == Channel.SOCIAL) == (socialNetwork != null) || channel == null;
        }

        StartSession toCommand(SessionId generatedId, Instant now) {
            return new StartSession(sessionId == null ? generatedId : new SessionId(sessionId),
                    new CustomerId(customerId), channel, socialNetwork, entryPoint, language, queue,
                    continuation == null ? null
                            : new Continuation(new SessionId(continuation.previousSessionId()),
                                    continuation.contextSummary()),
                    now);
        }
    }

    record ContinuationRequest(
            @NotNull @Pattern(regexp = ID) String previousSessionId,
            @NotBlank @Size(max = 4000) String contextSummary) {
    }

    record RecordMessageRequest(
            @Pattern(regexp = ID) String messageId,
            @NotNull ParticipantRole authorRole,
            @Pattern(regexp = ID) String authorId,
            @NotBlank @Size(max = 20000) String text,
            @Pattern(regexp = LANGUAGE) String language,
            @Size(max = 20) List<@Valid @NotNull AttachmentRequest> attachments,
            @Valid AnswerBasisRequest basis) {

        @AssertTrue(message = "only a BOT message carries a basis")
        boolean isBasisOnABotAnswer() {
            return basis == null || authorRole == null || authorRole == ParticipantRole.BOT;
        }

        RecordMessage toCommand(SessionId session, Long expectedVersion, MessageId generatedId, Instant now,
                                Caller caller) {
            return new RecordMessage(session, expectedVersion,
                    messageId == null ? generatedId : new MessageId(messageId), authorRole, authorId, text, language,
                    attachments == null ? List.of()
                            : attachments.stream().map(AttachmentRequest::toRef).toList(),
                    now, caller, basis == null ? null : basis.toBasis());
        }
    }

    /** What a bot's answer was based on (docs/BOT-ANSWERS.md). */
    record AnswerBasisRequest(
            @NotNull @Valid ModelRequest model,
            @Size(max = 100) String promptVersion,
            @Size(max = 20) List<@Valid @NotNull ArticleRefRequest> articles,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
            Boolean humanApproved,
            @Size(max = 4000) String quotedUtterance) {

        AnswerBasis toBasis() {
            return new AnswerBasis(model.toRef(), promptVersion,
                    articles == null ? List.of() : articles.stream().map(ArticleRefRequest::toRef).toList(),
                    confidence, Boolean.TRUE.equals(humanApproved), quotedUtterance);
        }
    }

    record ArticleRefRequest(
            @NotNull @Pattern(regexp = ID) String articleId,
            @NotNull @Min(1) Integer version,
            @NotBlank @Size(max = 300) String title,
            @DecimalMin("0.0") @DecimalMax("1.0") Double retrievalScore) {

        ArticleRef toRef() {
            return new ArticleRef(new ArticleId(articleId), version, title, retrievalScore);
        }
    }

    record CorrectionRequest(
            @Pattern(regexp = ID) String inSessionId,
            @Pattern(regexp = ID) String correctionMessageId,
            @NotNull @Pattern(regexp = CODE) String reason) {

        CorrectBotAnswer toCommand(SessionId session, MessageId answer, Long expectedVersion, Instant now,
                                   Caller caller) {
            return new CorrectBotAnswer(session, expectedVersion, answer,
                    inSessionId == null ? null : new SessionId(inSessionId),
                    correctionMessageId == null ? null : new MessageId(correctionMessageId), reason, now, caller);
        }
    }

    record AttachmentRequest(
            @NotBlank @Size(max = 500) String reference,
            @NotNull @Pattern(regexp = "[a-z]+/[A-Za-z0-9.+-]{1,100}") String mediaType,
            @Size(max = 255) String fileName) {

        AttachmentRef toRef() {
            return new AttachmentRef(reference, mediaType, fileName);
        }
    }

    record ModelRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 50) String version) {

        ModelRef toRef() {
            return new ModelRef(name, version);
        }
    }

    record RecordIntentRequest(
            @Pattern(regexp = ID) String messageId,
            @NotBlank @Size(max = 100) String label,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
            @NotNull @Valid ModelRequest classifier) {

        RecordIntent toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new RecordIntent(session, expectedVersion, messageId == null ? null : new MessageId(messageId),
                    label, confidence, classifier.toRef(), now);
        }
    }

    record ProductRequest(
            @NotNull @Pattern(regexp = CODE) String product,
            @Pattern(regexp = CODE) String subProduct,
            @DecimalMin("0.0") @DecimalMax("1.0") Double confidence) {

        IdentifyProduct toCommand(SessionId session, Long expectedVersion, Instant now, Caller caller) {
            return new IdentifyProduct(session, expectedVersion, product, subProduct, confidence, caller, now);
        }
    }

    record RecordSentimentRequest(
            @Pattern(regexp = ID) String messageId,
            @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
            @NotNull @Valid ModelRequest model) {

        RecordSentiment toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new RecordSentiment(session, expectedVersion, messageId == null ? null : new MessageId(messageId),
                    score, model.toRef(), now);
        }
    }

    record RequestHandoffRequest(
            @NotNull @Pattern(regexp = CODE) String queue,
            @NotBlank @Size(max = 200) String reason,
            @NotBlank @Size(max = 4000) String contextSummary) {

        RequestHandoff toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new RequestHandoff(session, expectedVersion, queue, reason, contextSummary, now);
        }
    }

    record AssignAgentRequest(@NotNull @Pattern(regexp = ID) String agentId) {

        AssignAgent toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new AssignAgent(session, expectedVersion, new AgentId(agentId), now);
        }
    }

    record TransferRequest(
            @Pattern(regexp = ID) String toAgentId,
            @Pattern(regexp = CODE) String toQueue,
            @NotNull TransferMode mode,
            @NotBlank @Size(max = 200) String reason,
            @Size(max = 4000) String note) {

        @AssertTrue(message = "exactly one of toAgentId and toQueue is required")
        boolean isSingleTarget() {
            return (toAgentId == null) != (toQueue == null);
        }

        @AssertTrue(message = "a WARM transfer carries a note for the receiver")
        boolean isWarmTransferBriefed() {
            return mode != TransferMode.WARM || (note != null && !note.isBlank());
        }

        TransferSession toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new TransferSession(session, expectedVersion, toAgentId == null ? null : new AgentId(toAgentId),
                    toQueue, mode, reason, note, now);
        }
    }

    record HoldRequest(@NotBlank @Size(max = 200) String reason) {

        PutSessionOnHold toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new PutSessionOnHold(session, expectedVersion, reason, now);
        }
    }

    record ResolveRequest(
            @NotNull @Pattern(regexp = CODE) String resolutionCode,
            @NotNull Boolean firstContactResolution) {

        ResolveSession toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new ResolveSession(session, expectedVersion, resolutionCode, firstContactResolution, now);
        }
    }

    record AbandonRequest(@NotNull AbandonReason reason) {

        AbandonSession toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new AbandonSession(session, expectedVersion, reason, now);
        }
    }

    record SurveyRequest(
            @Min(1) @Max(5) Integer csat,
            @Min(0) @Max(10) Integer nps,
            @Size(max = 2000) String comment) {

        @AssertTrue(message = "a survey response has a csat (1-5), an nps (0-10) or both")
        boolean isAnswered() {
            return csat != null || nps != null;
        }

        RecordSurveyResponse toCommand(SessionId session, Long expectedVersion, Instant now) {
            return new RecordSurveyResponse(session, expectedVersion, csat, nps, comment, now);
        }
    }
}
