package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import com.interactionledger.tools.importing.source.SourceColumns;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * TWCS files read into threads, without a ledger: a thread is one session of its customer's and its brands' tweets
 * in time order; a reply whose parent is missing or rejected, and an inbound reply by another customer, start
 * threads of their own; a second brand is a transfer to it; bad rows are rejected with their line, column and
 * reason. The official 7-column layout and pandas' copy with an unnamed index column first read alike.
 */
class TwcsThreadsTest {

    private static final String HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
            + "in_response_to_tweet_id\n";
    private static final String PANDAS_HEADER = "," + HEADER;
    private static final Caller IMPORTER = Caller.importer("importer", Set.of(Channel.SOCIAL));
    private static final SessionId SPRINT_THREAD = new SessionId("twcs-8");

    /** The first thread of the TWCS file as it has it: newest first, parents written as floats. */
    private static final String SPRINT = """
            1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 I understand.,2,3.0
            2,115712,True,Tue Oct 31 22:11:45 +0000 2017,@sprintcare and how do you propose we do that,,1.0
            3,115712,True,Tue Oct 31 22:08:27 +0000 2017,@sprintcare I have sent several private messages,1,4.0
            4,sprintcare,False,Tue Oct 31 21:54:49 +0000 2017,@115712 Please send us a Private Message,3,5.0
            5,115712,True,Tue Oct 31 21:49:35 +0000 2017,@sprintcare I did.,4,6.0
            6,sprintcare,False,Tue Oct 31 21:46:24 +0000 2017,"@115712 Can you please DM us, so that I can?","5,7",8.0
            8,115712,True,Tue Oct 31 21:45:10 +0000 2017,@sprintcare is the worst customer service,"9,6,10",
            """;

    @Test
    void aThreadBecomesOneSessionOfItsCustomersAndItsBrandsTweetsInTimeOrderWithTheBrandAsQueue()
            throws IOException {
        Read read = read(HEADER + SPRINT);

        assertThat(read.rejects).isEmpty();
        assertThat(read.records).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo("8");
            assertThat(record.line()).isEqualTo(8);
            assertThat(record.aggregateId()).isEqualTo("twcs-8");
            assertThat(record.customerId()).isEqualTo("twcs-115712");
            ImportSession session = (ImportSession) record.command();
            assertThat(session.start()).isEqualTo(new StartSession(SPRINT_THREAD, new CustomerId("twcs-115712"),
                    Channel.SOCIAL, SocialNetwork.X, "twcs", null, "sprintcare", null, at("21:45:10")));
            assertThat(session.then()).containsExactly(
                    message(8, ParticipantRole.CUSTOMER, "@sprintcare is the worst customer service", "21:45:10"),
                    new AssignAgent(SPRINT_THREAD, null, new AgentId("sprintcare"), at("21:46:24")),
                    message(6, ParticipantRole.AGENT,
                            "@115712 Can you please DM us, so that I can?", "21:46:24"),
                    message(5, ParticipantRole.CUSTOMER, "@sprintcare I did.", "21:49:35"),
                    message(4, ParticipantRole.AGENT, "@115712 Please send us a Private Message", "21:54:49"),
                    message(3, ParticipantRole.CUSTOMER, "@sprintcare I have sent several private messages",
                            "22:08:27"),
                    message(1, ParticipantRole.AGENT, "@115712 I understand.", "22:10:47"),
                    message(2, ParticipantRole.CUSTOMER, "@sprintcare and how do you propose we do that",
                            "22:11:45"));
        });
    }

    @Test
    void theOfficialLayoutAndPandasCopyWithAnUnnamedIndexColumnFirstGiveTheSameSessions() throws IOException {
        StringBuilder pandas = new StringBuilder(PANDAS_HEADER);
        int index = 0;
        for (String line : SPRINT.split("\n")) {
            pandas.append(index++).append(',').append(line).append('\n');
        }

        Read official = read(HEADER + SPRINT);
        Read indexed = read(pandas.toString());

        assertThat(indexed.rejects).isEmpty();
        assertThat(indexed.records).extracting(SourceFormat.Record::command)
                .isEqualTo(official.records.stream().map(SourceFormat.Record::command).toList());
    }

    @Test
    void aReplyWhoseParentIsNotInTheFileStartsItsOwnThread() throws IOException {
        Read read = read(HEADER
                + "20,AskBank,False,Tue Oct 31 10:00:00 +0000 2017,@900 We are sorry to hear that,,19\n"
                + "21,900,True,Tue Oct 31 10:05:00 +0000 2017,@AskBank thanks,,20.0\n");

        assertThat(read.rejects).isEmpty();
        assertThat(read.records).singleElement().satisfies(record -> {
            assertThat(record.aggregateId()).isEqualTo("twcs-20");
            ImportSession session = (ImportSession) record.command();
            assertThat(session.start().queue()).isEqualTo("AskBank");
            assertThat(session.start().customerId()).isEqualTo(new CustomerId("twcs-900"));
            // the brand speaks first: assigned at its tweet, the session's start
            assertThat(session.then()).extracting(command -> command.getClass().getSimpleName())
                    .containsExactly("AssignAgent", "RecordMessage", "RecordMessage");
            assertThat(session.then().get(0)).isEqualTo(new AssignAgent(new SessionId("twcs-20"), null,
                    new AgentId("AskBank"), at("10:00:00")));
        });
    }

    @Test
    void anInboundReplyByAnotherCustomerStartsItsOwnThreadWithTheTweetsThatAnswerIt() throws IOException {
        Read read = read(HEADER
                + "30,901,True,Tue Oct 31 10:00:00 +0000 2017,@AskBank my card is blocked,,\n"
                + "31,AskBank,False,Tue Oct 31 10:10:00 +0000 2017,@901 Please DM us,,30\n"
                + "32,902,True,Tue Oct 31 10:20:00 +0000 2017,@AskBank @901 mine too,,31\n"
                + "33,AskBank,False,Tue Oct 31 10:30:00 +0000 2017,@902 Please DM us too,,32\n"
                + "34,901,True,Tue Oct 31 10:40:00 +0000 2017,@AskBank done,,31\n");

        assertThat(read.rejects).isEmpty();
        assertThat(read.records).extracting(SourceFormat.Record::aggregateId, SourceFormat.Record::customerId)
                .containsExactly(tuple("twcs-30", "twcs-901"),
                        tuple("twcs-32", "twcs-902"));
        assertThat(messages(read.records.get(0))).containsExactly("tweet-30", "tweet-31", "tweet-34");
        assertThat(messages(read.records.get(1))).containsExactly("tweet-32", "tweet-33");
        assertThat(((ImportSession) read.records.get(1).command()).start().queue()).isEqualTo("AskBank");
    }

    @Test
    void aSecondBrandAnsweringInTheThreadIsATransferToItBeforeItsFirstTweet() throws IOException {
        Read read = read(HEADER
                + "40,903,True,Tue Oct 31 10:00:00 +0000 2017,@AskBank @AskCards who charged me?,,\n"
                + "41,AskBank,False,Tue Oct 31 10:10:00 +0000 2017,@903 that is our card team,,40\n"
                + "42,AskCards,False,Tue Oct 31 10:20:00 +0000 2017,@903 we will look into it,,41\n"
                + "43,AskCards,False,Tue Oct 31 10:25:00 +0000 2017,@903 refunded,,42\n");

        SessionId session = new SessionId("twcs-40");
        ImportSession thread = (ImportSession) read.records.get(0).command();
        assertThat(thread.start().queue()).isEqualTo("AskBank");
        assertThat(thread.then()).containsExactly(
                new RecordMessage(session, null, new MessageId("tweet-40"), ParticipantRole.CUSTOMER, null,
                        "@AskBank @AskCards who charged me?", null, List.of(), at("10:00:00"), IMPORTER),
                new AssignAgent(session, null, new AgentId("AskBank"), at("10:10:00")),
                new RecordMessage(session, null, new MessageId("tweet-41"), ParticipantRole.AGENT, null,
                        "@903 that is our card team", null, List.of(), at("10:10:00"), IMPORTER),
                new TransferSession(session, null, new AgentId("AskCards"), null, TransferMode.COLD,
                        "another brand answered in the thread", null, at("10:20:00")),
                new RecordMessage(session, null, new MessageId("tweet-42"), ParticipantRole.AGENT, null,
                        "@903 we will look into it", null, List.of(), at("10:20:00"), IMPORTER),
                new RecordMessage(session, null, new MessageId("tweet-43"), ParticipantRole.AGENT, null,
                        "@903 refunded", null, List.of(), at("10:25:00"), IMPORTER));
    }

    @Test
    void aThreadWithoutABrandTweetTakesTheFirstBrandItsRootMentionsElseNoBrand() throws IOException {
        Read read = read(HEADER
                + "50,AskBank,False,Tue Oct 31 09:00:00 +0000 2017,@904 hello,,\n"
                + "51,905,True,Tue Oct 31 10:00:00 +0000 2017,@someone @askbank @AskCards why?,,\n"
                + "52,906,True,Tue Oct 31 10:00:00 +0000 2017,@someone why?,,\n");

        assertThat(read.records).extracting(record -> ((ImportSession) record.command()).start().queue())
                .containsExactly("AskBank", "AskBank", TwcsThreads.NO_BRAND);
    }

    @Test
    void aThreadWithNoInboundTweetBelongsToTheFirstNonBrandItsRootMentionsElseToItselfAlone() throws IOException {
        Read read = read(HEADER
                + "60,AskBank,False,Tue Oct 31 09:00:00 +0000 2017,@AskCards @907 we are on it,,59\n"
                + "61,AskBank,False,Tue Oct 31 09:00:00 +0000 2017,Our app is back,,\n"
                + "62,AskCards,False,Tue Oct 31 09:00:00 +0000 2017,Hello,,\n");

        assertThat(read.records).extracting(SourceFormat.Record::customerId)
                .containsExactly("twcs-907", "twcs-thread-61", "twcs-thread-62");
    }

    @Test
    void badRowsAreRejectedWithTheirLineColumnAndReasonAndTheRepliesToThemStartThreadsOfTheirOwn()
            throws IOException {
        Read read = read(HEADER
                + "70,908,True,Tue Oct 31 10:00:00 +0000 2017,@AskBank hi,,\n"              // line 2
                + "71,AskBank,maybe,Tue Oct 31 10:01:00 +0000 2017,@908 hi,,70\n"           // 3: inbound
                + "72,AskBank,False,31/10/2017 10:02,@908 hi,,70\n"                         // 4: created_at
                + "70,909,True,Tue Oct 31 10:03:00 +0000 2017,@AskBank me too,,\n"          // 5: id twice
                + "73,908,True,Tue Oct 31 10:04:00 +0000 2017,@AskBank hi\rthere,,70\n"     // 6: bare CR
                + "74,908,True,Tue Oct 31 10:05:00 +0000 2017,@AskBank again,,71.5\n"       // 7: parent
                + "75,AskBank,False,Tue Oct 31 10:06:00 +0000 2017,@908 yes,\n"             // 8: fields
                + "76,AskBank,False,Tue Oct 31 10:07:00 +0000 2017,@908 answer,,72\n"       // 9: parent rejected
                + "77,908,True,Tue Oct 31 10:08:00 +0000 2017,@AskBank loop,,78\n"          // 10: loop
                + "78,AskBank,False,Tue Oct 31 10:09:00 +0000 2017,@908 loop,,77\n"         // 11: loop
                + "79,908,True,Tue Oct 31 10:10:00 +0000 2017,@AskBank after the loop,,78\n" // 12
                + "80,_x,False,Tue Oct 31 10:11:00 +0000 2017,@908 hi,,70\n"                // 13: author
                + "81,908,True,Tue Oct 31 10:12:00 +0000 2017, ,,70\n");                    // 14: text

        assertThat(read.rejects).containsExactly(
                "3,3,inbound (column 3): \"maybe\" is neither True nor False",
                "4,4,createdAt (column 4): \"31/10/2017 10:02\" is not a time (Tue Oct 31 22:10:47 +0000 2017,"
                        + " or 2017-10-31T22:10:47Z)",
                "5,1,tweetId (column 1): tweet 70 is already on line 2 (the first is imported, this one is not)",
                "6,5,a carriage return that does not end a line",
                "7,7,inResponseTo (column 7): \"71.5\" is not a tweet id (digits, or digits and \".0\")",
                "8,0,expected 7 fields (as the header has), found 6",
                "13,2,authorId (column 2): \"_x\" cannot be an id on the ledger ("
                        + Identifiers.PATTERN + ")",
                "14,5,text (column 5): is empty",
                "10,7,inResponseTo (column 7): tweet 77 answers a chain of tweets that comes back to it",
                "11,7,inResponseTo (column 7): tweet 78 answers a chain of tweets that comes back to it");
        assertThat(read.records).extracting(SourceFormat.Record::aggregateId)
                .containsExactly("twcs-70", "twcs-76", "twcs-79");
        assertThat(messages(read.records.get(0))).containsExactly("tweet-70");
        assertThat(((ImportSession) read.records.get(1).command()).start().customerId())
                .isEqualTo(new CustomerId("twcs-908"));
    }

    @Test
    void timesWrittenAsIsoInstantsAndIdsAsIntegersAreReadAsWell() throws IOException {
        Read read = read(HEADER
                + "90,910,true,2017-10-31T10:00:00Z,@AskBank hi,,\n"
                + "91,AskBank,false,2017-10-31T11:00:00+01:00,@910 hello,,90\n");

        assertThat(read.rejects).isEmpty();
        assertThat(((ImportSession) read.records.get(0).command()).then())
                .contains(new AssignAgent(new SessionId("twcs-90"), null, new AgentId("AskBank"), at("10:00:00")));
    }

    @Test
    void aFileWithoutTheColumnsOfTheFormatIsRefusedNamingThoseItLacks() {
        assertThatThrownBy(() -> read("tweet_id,author_id,text\n1,a,b\n"))
                .isInstanceOf(SourceColumns.Refused.class)
                .hasMessageContaining("\"inbound\" (inbound), \"created_at\" (createdAt), \"in_response_to_tweet_id\""
                        + " (inResponseTo)");
    }

    private static RecordMessage message(long tweet, ParticipantRole role, String text, String time) {
        return new RecordMessage(SPRINT_THREAD, null, new MessageId("tweet-" + tweet), role, null, text, null,
                List.of(), at(time), IMPORTER);
    }

    private static List<String> messages(SourceFormat.Record record) {
        return ((ImportSession) record.command()).then().stream().filter(RecordMessage.class::isInstance)
                .map(command -> ((RecordMessage) command).messageId().value()).toList();
    }

    private static Instant at(String time) {
        return Instant.parse("2017-10-31T" + time + "Z");
    }

    private record Read(List<SourceFormat.Record> records, List<String> rejects) {
    }

    private static Read read(String csv) throws IOException {
        TwcsThreads format = new TwcsThreads();
        List<SourceFormat.Record> records = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        format.read(format.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
                new SourceFormat.Settings(Map.of(), null, "0".repeat(64), "importer"), records::add,
                (line, column, reason) -> rejects.add(line + "," + column + "," + reason));
        return new Read(records, rejects);
    }
}
