package com.interactionledger.contracts.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @Test
    void frameworkStatusesMapToTheirCodesAndOtherClientErrorsAreMalformedRequests() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.forStatus(422)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void typeUrisAreStableAndDistinct() {
        assertThat(ErrorCode.IDEMPOTENCY_KEY_REUSED.typeUri())
                .isEqualTo("urn:interaction-ledger:problem:idempotency-key-reused");
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::typeUri).distinct().count())
                .isEqualTo(ErrorCode.values().length);
    }

    /**
     * docs/API.md's table of error codes is the clients' list: every code is in it, in the row of its status, and
     * nothing is in it that the API does not answer.
     */
    @Test
    void theApiReferenceListsEveryCodeUnderItsStatusAndNoOther() throws IOException {
        String page = Files.readString(Path.of("../docs/API.md"), StandardCharsets.UTF_8);
        String table = page.substring(page.indexOf("## Error codes"));
        Map<String, String> statusOf = new HashMap<>();
        Pattern code = Pattern.compile("`([A-Z][A-Z_]+)`");
        for (String row : table.lines().filter(line -> line.matches("\\| \\d.*")).toList()) {
            String[] cells = row.split("\\|");
            Matcher codes = code.matcher(cells[2]);
            while (codes.find()) {
                statusOf.put(codes.group(1), cells[1]);
            }
        }
        for (ErrorCode known : ErrorCode.values()) {
            assertThat(statusOf).as("docs/API.md lists %s", known).containsKey(known.name());
            assertThat(statusOf.get(known.name())).as("the status docs/API.md gives %s", known)
                    .contains(Integer.toString(known.httpStatus()));
        }
        assertThat(statusOf.keySet()).as("codes docs/API.md lists")
                .allSatisfy(name -> assertThat(ErrorCode.valueOf(name)).isNotNull());
    }
}
