package com.interactionledger.replay.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.replay.FileDigests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an export package as its recipient would: the signature over {@code manifest.json} with the exporter's
 * public key, then each file's size and SHA-256 against the manifest, then the number of events. Any change to any
 * byte of the package fails one of these.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    /** @return what is wrong with the package; empty when it is intact and signed by the key's owner */
    public static List<String> problems(Path directory, PublicKey key) throws IOException, GeneralSecurityException {
        List<String> problems = new ArrayList<>();
        Path manifestFile = directory.resolve(LedgerExport.MANIFEST);
        Path signatureFile = directory.resolve(LedgerExport.SIGNATURE);
        if (!Files.exists(manifestFile) || !Files.exists(signatureFile)) {
            problems.add("the package lacks " + LedgerExport.MANIFEST + " or " + LedgerExport.SIGNATURE);
            return problems;
        }
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        if (!ExportKeys.verify(manifestBytes, Files.readAllBytes(signatureFile), key)) {
            problems.add("the signature does not match manifest.json and this public key: the manifest was changed,"
                    + " or another key signed it");
        }
        JsonNode manifest = LedgerExport.JSON.readTree(manifestBytes);
        for (JsonNode file : manifest.path("files")) {
            String name = file.path("name").asText();
            Path path = directory.resolve(name).normalize();
            if (!path.getParent().equals(directory.normalize()) || !Files.exists(path)) {
                problems.add(name + " is missing");
                continue;
            }
            if (Files.size(path) != file.path("bytes").asLong()) {
                problems.add(name + " has " + Files.size(path) + " bytes, the manifest says " + file.path("bytes"));
            }
            if (!FileDigests.sha256(path).equals(file.path("sha256").asText())) {
                problems.add(name + " does not have the SHA-256 the manifest gives: it was changed");
            }
        }
        Path events = directory.resolve(LedgerExport.EVENTS);
        if (Files.exists(events)) {
            long lines;
            try (var stream = Files.lines(events)) {
                lines = stream.count();
            }
            if (lines != manifest.path("events").path("count").asLong()) {
                problems.add(LedgerExport.EVENTS + " holds " + lines + " events, the manifest says "
                        + manifest.path("events").path("count"));
            }
        }
        return problems;
    }
}
