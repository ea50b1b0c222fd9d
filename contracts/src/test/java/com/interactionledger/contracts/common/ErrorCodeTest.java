package com.interactionledger.contracts.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @Test
    void frameworkStatusesMapToTheirCodesAndOtherClientErrorsAreMalformedRequests() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void typeUrisAreStableAndDistinct() {
        assertThat(ErrorCode.IDEMPOTENCY_KEY_REUSED.typeUri())
                .isEqualTo("urn:interaction-ledger:problem:idempotency-key-reused");
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::typeUri).distinct().count())
                .isEqualTo(ErrorCode.values().length);
    }
}
