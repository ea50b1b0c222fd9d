package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueCommand;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferSession;
import com.interactionledger.tools.demo.EmbeddedDefault;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.SourceColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDDC chat-log format on small files written here: each session one imported conversation in Chinese, an agent
 * turn of several messages split into them, a session flagged as transferred sent to the transfer queue, a session
 * whose lines are not together or that holds a bad line rejected whole, and no file read at all without
 * {@code --occurred-at}.
 */
class JddcChatLogsTest {

    private static final Instant AT = Instant.parse("2019-11-02T00:00:00Z");
    private static final SourceFormat.Settings SETTINGS = new SourceFormat.Settings(Map.of(), AT, "0".repeat(64),
            "importer");

    @Test
    void aSessionBecomesOneImportedConversationWithAnAgentTurnSplitIntoItsMessagesAndEveryTextKeptExactly()
            throws IOException {
        Read read = read(line("s1", "USERID_7", 0, 0, 1, "nan", "你好 \"快递\" 到哪了 ")
                + line("s1", "USERID_7", 1, 0, 1, "123", "您好!@@@!!@@@!请稍等 !@@@! ")
                + line("s1", "USERID_7", 0, 0, 1, "nan", "NULL")
                + line("s1", "USERID_7", 1, 0, 1, "nan", "好的"));

        assertThat(read.rejects).isEmpty();
        assertThat(read.records).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo("s1");
            assertThat(record.line()).isEqualTo(1);
            assertThat(record.aggregateId()).isEqualTo("jddc-s1");
            assertThat(record.customerId()).isEqualTo("jddc-USERID_7");
            ImportSession command = (ImportSession) record.command();
            StartSession start = command.start();
            assertThat(List.of(start.sessionId().value(), start.customerId().value(), start.channel(),
                    start.language(), start.queue(), start.occurredAt()))
                    .containsExactly("jddc-s1", "jddc-USERID_7", Channel.WEB_CHAT, "zh-CN", "jddc", AT);
            assertThat(steps(command)).containsExactly(
                    "assign jddc-agent",
                    "CUSTOMER line-1 [你好 \"快递\" 到哪了 ]",
                    "AGENT line-2-1 [您好]",
                    "AGENT line-2-3 [请稍等 ]",
                    "AGENT line-4 [好的]");
            assertThat(command.then()).allSatisfy(step -> assertThat(occurredAt(step)).isEqualTo(AT));
            assertThat(command.then()).filteredOn(RecordMessage.class::isInstance).allSatisfy(step -> {
                RecordMessage message = (RecordMessage) step;
                assertThat(message.language()).isEqualTo("zh-CN");
                assertThat(message.caller().actorId()).isEqualTo("importer");
                assertThat(message.caller().role()).isEqualTo(AccessRole.SYSTEM);
                assertThat(message.caller().importsOn()).containsExactly(Channel.WEB_CHAT);
            });
        });
    }

    @Test
    void aFlaggedSessionGoesToTheTransferQueueAfterItsLastFlaggedLineAndAnotherAgentTakesItUpIfTurnsFollow()
            throws IOException {
        Read read = read(line("s1", "USERID_1", 0, 1, 0, "nan", "问")
                + line("s1", "USERID_1", 1, 1, 0, "nan", "帮您转接")
                + line("s2", "USERID_2", 0, 1, 0, "nan", "问")
                + line("s2", "USERID_2", 1, 1, 0, "nan", "转接")
                + line("s2", "USERID_2", 0, 0, 0, "nan", "好")
                + line("s2", "USERID_2", 1, 0, 0, "nan", "您好，这里是京麦"));

        assertThat(read.rejects).isEmpty();
        assertThat(read.records).hasSize(2);
        assertThat(steps((ImportSession) read.records.get(0).command())).containsExactly(
                "assign jddc-agent", "CUSTOMER line-1 [问]", "AGENT line-2 [帮您转接]",
                "transfer to jddc-transferred (JDDC transfer flag (field 4) is 1)");
        assertThat(steps((ImportSession) read.records.get(1).command())).containsExactly(
                "assign jddc-agent", "CUSTOMER line-3 [问]", "AGENT line-4 [转接]",
                "transfer to jddc-transferred (JDDC transfer flag (field 4) is 1)", "assign jddc-agent-2",
                "CUSTOMER line-5 [好]", "AGENT line-6 [您好，这里是京麦]");
    }

    @Test
    void aSessionWhoseLinesComeAgainAfterAnotherSessionIsRejectedWhereItComesAgainAndNotMerged() throws IOException {
        Read read = read(line("s1", "USERID_1", 0, 0, 0, "nan", "一")
                + line("s2", "USERID_2", 0, 0, 0, "nan", "二")
                + line("s1", "USERID_1", 1, 0, 0, "nan", "三")
                + line("s1", "USERID_1", 0, 0, 0, "nan", "四")
                + line("s3", "USERID_3", 0, 0, 0, "nan", "五"));

        assertThat(read.records).extracting(SourceFormat.Record::recordId).containsExactly("s1", "s2", "s3");
        assertThat(steps((ImportSession) read.records.get(0).command())).containsExactly("assign jddc-agent",
                "CUSTOMER line-1 [一]");
        assertThat(read.rejects).containsExactly("3,1,session s1 was read already, on lines 1-1, and other sessions"
                + " came between: a session's lines must be together, so its lines 3-4 are not imported (those read"
                + " first are imported as the session)");
    }

    @Test
    void aBadLineRejectsItsWholeSessionWithItsLineColumnAndReasonAndTheOtherSessionsAreImported() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8(line("good1", "USERID_1", 0, 0, 0, "nan", "好")
                + line("fields", "USERID_2", 0, 0, 0, "nan", "一")
                + "fields\tUSERID_2\t1\t0\t0\tnan\t二\t三\n"
                + line("sender", "USERID_3", 2, 0, 0, "nan", "一")
                + line("customer", "USERID_4", 0, 0, 0, "nan", "一")
                + line("customer", "USERID_5", 1, 0, 0, "nan", "二")
                + line("flag", "USERID_6", 0, 0, 7, "nan", "一")
                + line("before", "USERID_7", 0, 0, 0, "nan", "一")));
        file.writeBytes("after\tUSERID_8\t1\t0\t0\tnan\t\u4e8c".getBytes(StandardCharsets.UTF_8));
        file.write(0xE4); // a UTF-8 sequence cut short: which session this line is in cannot be told
        file.writeBytes(utf8("\n" + line("after", "USERID_8", 0, 0, 0, "nan", "二")
                + line("good2", "USERID_9", 0, 0, 0, "nan", "好")));

        Read read = read(file.toByteArray());

        assertThat(read.records).extracting(SourceFormat.Record::recordId).containsExactly("good1", "good2");
        assertThat(read.rejects).containsExactly(
                "3,0,expected 7 tab-separated fields, found 8; nothing of session jddc-fields is imported",
                "4,3,the sender (0 customer, 1 agent) is \"2\", not 0 or 1; nothing of session jddc-sender is"
                        + " imported",
                "6,2,the customer USERID_5 is not the session's (USERID_4, on its earlier lines); nothing of session"
                        + " jddc-customer is imported",
                "7,5,the repeat-inquiry flag is \"7\", not 0 or 1; nothing of session jddc-flag is imported",
                "9,7,invalid UTF-8 (Input length = 1); which session it is in cannot be told, so neither"
                        + " jddc-before nor jddc-after is imported");
    }

    @Test
    void withoutOccurredAtTheFileIsRefusedBeforeAnyRecordIsRead() {
        SourceFormat.Settings noTime = new SourceFormat.Settings(Map.of(), null, "0".repeat(64), "importer");
        List<SourceFormat.Record> records = new ArrayList<>();

        assertThatThrownBy(() -> new JddcChatLogs().read(tsv(utf8(line("s1", "USERID_1", 0, 0, 0, "nan", "好"))),
                noTime, records::add, (line, column, reason) -> { }))
                .isInstanceOf(SourceColumns.Refused.class)
                .hasMessageContaining("JDDC chat logs record no time")
                .hasMessageContaining("--occurred-at");
        assertThat(records).isEmpty();
    }

    @Test
    void theCommandLineImportsAConversationWithATransferInItsMiddleAndRefusesTheFileWithoutOccurredAt(
            @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("chat.txt"), line("s1", "USERID_1", 0, 1, 0, "nan", "问")
                + line("s1", "USERID_1", 1, 1, 0, "nan", "答一!@@@!答二")
                + line("s1", "USERID_1", 0, 0, 0, "nan", "好")
                + line("s1", "USERID_1", 1, 0, 0, "nan", "您好"), StandardCharsets.UTF_8);
        String data = "--ledger.data-dir=" + dir.resolve("data");

        assertThatThrownBy(() -> ImportCli.run(null, "jddc", "--file", file.toString(), "--rejects",
                dir.resolve("r1.csv").toString(), data))
                .isInstanceOf(Importer.FileRefused.class)
                .hasMessageContaining("nothing was imported: JDDC chat logs record no time");
        assertThat(eventsIn(dir)).isZero();

        Importer.Summary summary = ImportCli.run(null, "jddc", "--file", file.toString(), "--occurred-at",
                "2019-11-02", "--rejects", dir.resolve("r2.csv").toString(), data);

        assertThat(List.of(summary.records(), summary.imported(), summary.rejected())).containsExactly(1L, 1L, 0L);
        // started, assigned, 1 + 2 messages, transferred, assigned again, 2 messages: the session's own rules took it
        assertThat(eventsIn(dir)).isEqualTo(9);
    }

    /** A JDDC line: the seven fields, tab-separated. */
    private static String line(String session, String customer, int sender, int transfer, int repeat, String sku,
                               String text) {
        return String.join("\t", session, customer, Integer.toString(sender), Integer.toString(transfer),
                Integer.toString(repeat), sku, text) + "\n";
    }

    private record Read(List<SourceFormat.Record> records, List<String> rejects) {
    }

    private static Read read(String text) throws IOException {
        return read(utf8(text));
    }

    private static Read read(byte[] bytes) throws IOException {
        List<SourceFormat.Record> records = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        new JddcChatLogs().read(tsv(bytes), SETTINGS, records::add,
                (line, column, reason) -> rejects.add(line + "," + column + "," + reason));
        return new Read(records, rejects);
    }

    private static DelimitedFile tsv(byte[] bytes) {
        return new JddcChatLogs().open(new ByteArrayInputStream(bytes));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The steps after the start, in words. */
    private static List<String> steps(ImportSession command) {
        return command.then().stream().map(JddcChatLogsTest::step).toList();
    }

    private static String step(DialogueCommand step) {
        if (step instanceof AssignAgent assign) {
            return "assign " + assign.agentId().value();
        } else if (step instanceof RecordMessage message) {
            return message.authorRole() + " " + message.messageId().value() + " [" + message.text() + "]";
        } else if (step instanceof TransferSession transfer) {
            return "transfer to " + transfer.toQueue() + " (" + transfer.reason() + ")";
        }
        return step.toString();
    }

    private static Instant occurredAt(DialogueCommand step) {
        if (step instanceof AssignAgent assign) {
            return assign.occurredAt();
        } else if (step instanceof RecordMessage message) {
            return message.occurredAt();
        } else if (step instanceof TransferSession transfer) {
            return transfer.occurredAt();
        }
        throw new AssertionError("not a step a JDDC session has: " + step);
    }

    private static long eventsIn(Path dir) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedDefault.url(dir.resolve("data")), "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
