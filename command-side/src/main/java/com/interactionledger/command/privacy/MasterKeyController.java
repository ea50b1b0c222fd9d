package com.interactionledger.command.privacy;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.ledger.sealing.CustomerKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The step of a master-key rotation between configuring the new key (first in {@code ledger.privacy.master-keys},
 * the old one kept after it) and removing the old one: every customer key the old one wraps is wrapped again with
 * the new one. Safe to repeat; customers' data is never touched, only the wrapping of their keys.
 */
@RestController
@RolesAllowed(Names.ADMIN)
class MasterKeyController {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyController.class);

    /** @param rewrapped how many customer keys moved under {@code masterKeyId} */
    record Rewrapped(int rewrapped, String masterKeyId) {
    }

    private final CustomerKeys customerKeys;

    MasterKeyController(CustomerKeys customerKeys) {
        this.customerKeys = customerKeys;
    }

    @PostMapping(path = "/privacy/master-keys/rewrap", consumes = MediaType.ALL_VALUE)
    Rewrapped rewrap(HttpServletRequest request) {
        int rewrapped = customerKeys.rewrap();
        log.info("{} re-wrapped {} customer keys under master key {}", request.getUserPrincipal().getName(),
                rewrapped, customerKeys.activeMasterKeyId());
        return new Rewrapped(rewrapped, customerKeys.activeMasterKeyId());
    }
}
