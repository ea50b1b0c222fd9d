package com.interactionledger.command.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.AssignComplaint;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.DisputeResolution;
import com.interactionledger.contracts.complaint.ExtendComplaintDeadline;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.ProposeResolution;
import com.interactionledger.contracts.complaint.ReceiveInformation;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferComplaint;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.ReopenComplaint;
import com.interactionledger.contracts.complaint.RequestInformation;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.SendHoldingResponse;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.interactionledger.command.web.RequestPatterns.CODE;
import static com.interactionledger.command.web.RequestPatterns.ID;

/** The JSON bodies of the complaint API, validated field by field before a command is built. */
final class ComplaintRequests {

    private ComplaintRequests() {
    }

    record LodgeRequest(
            @Pattern(regexp = ID) String complaintId,
            @NotNull @Pattern(regexp = ID) String customerId,
            @Size(max = 20) List<@NotNull @Pattern(regexp = ID) String> sessions,
            @NotNull Channel channel,
            @NotNull @Pattern(regexp = CODE) String product,
            @Pattern(regexp = CODE) String subProduct,
            @NotNull @Pattern(regexp = CODE) String category,
            @Pattern(regexp = CODE) String subCategory,
            @NotBlank @Size(max = 10000) String description,
            @Valid MoneyRequest amountInDispute,
            @NotNull Jurisdiction jurisdiction,
            ServiceRegime regime) {

        LodgeComplaint toCommand(ComplaintId generatedId, Instant now) {
            return new LodgeComplaint(complaintId == null ? generatedId : new ComplaintId(complaintId),
                    new CustomerId(customerId),
                    sessions == null ? List.of() : sessions.stream().map(SessionId::new).toList(),
                    channel, product, subProduct, category, subCategory, description,
                    amountInDispute == null ? null : amountInDispute.toMoney(), jurisdiction,
                    regime == null ? ServiceRegime.GENERAL : regime, now);
        }
    }

    record MoneyRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

        Money toMoney() {
            return new Money(amount, currency);
        }
    }

    record RedressRequest(@Valid MoneyRequest monetary, @Size(max = 2000) String nonMonetary) {

        static Redress toRedress(RedressRequest request) {
            return request == null ? Redress.NONE
                    : new Redress(request.monetary() == null ? null : request.monetary().toMoney(), request.nonMonetary());
        }
    }

    record AssignRequest(@NotNull @Pattern(regexp = ID) String handlerId, @Pattern(regexp = CODE) String team) {

        AssignComplaint toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new AssignComplaint(id, expectedVersion, handlerId, team, now);
        }
    }

    record InformationRequest(@NotBlank @Size(max = 4000) String request) {

        RequestInformation toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new RequestInformation(id, expectedVersion, request, now);
        }
    }

    record InformationReceipt(@NotBlank @Size(max = 4000) String summary) {

        ReceiveInformation toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new ReceiveInformation(id, expectedVersion, summary, now);
        }
    }

    /** Who asks is the caller (the token's actor); an approval is a supervisor's own request. */
    record ExtensionRequest(@NotBlank @Size(max = 1000) String reason) {

        ExtendComplaintDeadline toCommand(ComplaintId id, Long expectedVersion, Instant now, String requestedBy) {
            return new ExtendComplaintDeadline(id, expectedVersion, reason, requestedBy, now);
        }
    }

    record HoldingResponseRequest(@NotBlank @Size(max = 4000) String summary) {

        SendHoldingResponse toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new SendHoldingResponse(id, expectedVersion, summary, now);
        }
    }

    record ProposalRequest(@NotNull ComplaintOutcome outcome, @Valid RedressRequest redress,
                           @NotBlank @Size(max = 4000) String summary) {

        ProposeResolution toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new ProposeResolution(id, expectedVersion, outcome, RedressRequest.toRedress(redress), summary, now);
        }
    }

    record ResolutionRequest(@NotNull ComplaintOutcome outcome, @Valid RedressRequest redress,
                             @NotBlank @Size(max = 4000) String summary, Boolean summaryResolution) {

        ResolveComplaint toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new ResolveComplaint(id, expectedVersion, outcome, RedressRequest.toRedress(redress), summary,
                    Boolean.TRUE.equals(summaryResolution), now);
        }
    }

    record DisputeRequest(@NotBlank @Size(max = 4000) String reason) {

        DisputeResolution toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new DisputeResolution(id, expectedVersion, reason, now);
        }
    }

    record ReferralRequest(@NotNull ReferralBody body, @NotBlank @Size(max = 200) String bodyName,
                           @Size(max = 100) String reference) {

        ReferComplaint toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new ReferComplaint(id, expectedVersion, body, bodyName, reference, now);
        }
    }

    record ReopenRequest(@NotBlank @Size(max = 1000) String reason) {

        ReopenComplaint toCommand(ComplaintId id, Long expectedVersion, Instant now) {
            return new ReopenComplaint(id, expectedVersion, reason, now);
        }
    }
}
