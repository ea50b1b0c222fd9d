package com.interactionledger.query.ops;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.projections.status.ProjectionStatus;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.query.web.NotFoundException;
import com.interactionledger.query.web.RefusedException;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Supplier;

/**
 * Operators' view of the event processors of this instance (lag, replay, dead letters) and the rebuild of a read
 * model by name; {@code replay-tools status} and {@code replay-tools rebuild} call these. (Who may call them is
 * the privacy issue's work, with the roles.)
 */
@RestController
@RolesAllowed(Names.ADMIN)
@ReadModel(ReadModelFreshness.LEDGER) // stamped with the ledger's head, which each status's lag is measured against
class ProjectionController {

    private final ProjectionStatuses statuses;

    ProjectionController(ProjectionStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/projections")
    List<ProjectionStatus> all() {
        return statuses.all();
    }

    @GetMapping("/projections/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return statuses.of(name).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND,
                "No event processor " + name + " on this instance"));
    }

    /** Resets the read model and starts its replay; answers at once (202) with where it stands. */
    @PostMapping("/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return refusedUnlessDone(name, () -> statuses.rebuild(name));
    }

    /** One customer's rows of a read model rebuilt from their events; answers when done. */
    record CustomerRebuild(String readModel, String customerId, long events) {
    }

    @PostMapping("/projections/{name}/customers/{customerId}/rebuild")
    CustomerRebuild rebuildCustomer(@PathVariable String name, @PathVariable String customerId) {
        CustomerId customer = new CustomerId(customerId);
        return refusedUnlessDone(name, () -> new CustomerRebuild(name, customer.value(),
                statuses.rebuildCustomer(name, customer.value())));
    }

    private <T> T refusedUnlessDone(String name, Supplier<T> rebuild) {
        if (statuses.of(name).isEmpty()) {
            throw new NotFoundException(ErrorCode.NOT_FOUND, "No event processor " + name + " on this instance");
        }
        try {
            return rebuild.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RefusedException(ErrorCode.REBUILD_REFUSED, e.getMessage());
        }
    }
}
