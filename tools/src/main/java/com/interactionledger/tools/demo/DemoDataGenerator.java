package com.interactionledger.tools.demo;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.complaint.AcknowledgeComplaint;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.SendHoldingResponse;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AbandonSession;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.CloseSession;
import com.interactionledger.contracts.dialogue.Continuation;
import com.interactionledger.contracts.dialogue.CorrectBotAnswer;
import com.interactionledger.contracts.dialogue.IdentifyProduct;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.ModelRef;
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
import com.interactionledger.contracts.knowledge.ArticleVersion;
import com.interactionledger.contracts.knowledge.PublishKnowledgeArticle;
import com.interactionledger.contracts.knowledge.ReviseKnowledgeArticle;
import com.interactionledger.contracts.knowledge.WithdrawKnowledgeArticle;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Synthetic journeys for a first look at the ledger: every customer gets a few sessions across channels, drawn
 * from five shapes (contained by the bot; handed to an agent; abandoned on chat and continued by phone; a branch
 * visit with a warm transfer; a WeChat chat that timed out), and every fourth customer a complaint. The bot's answers
 * carry their basis (docs/BOT-ANSWERS.md): a model whose version changed halfway through the month, the knowledge
 * article of the customer's need (none for address changes: a coverage gap), sometimes a version already superseded;
 * the knowledge base published its articles before, revised two and withdrew one during the month; agents correct
 * some of the answers they take over. All text is invented here; no real data is used.
 * Commands go through the real command bus and aggregate, exactly like API calls. Seeded, so every run creates
 * the same journeys; times are spread over the 30 days before the clock's now.
 */
public class DemoDataGenerator {

    private static final ModelRef CLASSIFIER = new ModelRef("demo-intent-classifier", "1.4.0");
    /** The machine identity that names each session's product (development configures it: DevelopmentMachines). */
    private static final String PRODUCT_CLASSIFIER = "product-classifier";
    /** The gateway the demo's customers write through, on every channel. */
    private static final String DEMO_GATEWAY = "demo-gateway";
    private static final ModelRef SENTIMENT = new ModelRef("demo-sentiment", "2.1.0");
    private static final List<String[]> NEEDS = List.of(
            new String[]{"card_not_arrived", "My new debit card still hasn't arrived, it's been ten days.", "debit_card"},
            new String[]{"dispute_transaction", "There is a payment on my statement that I did not make.",
                    "credit_card"},
            new String[]{"change_address", "I moved house and need to update my address.", "current_account"},
            new String[]{"loan_repayment_question", "Can I pay off my personal loan early without a fee?",
                    "personal_loan"},
            new String[]{"blocked_transfer", "My transfer to my landlord was blocked, why?", "current_account"},
            new String[]{"fee_refund", "You charged me an overdraft fee but I had money in the account.",
                    "current_account"});

    /**
     * The knowledge base's articles, one per need but address changes (for which the bot has none), in a fixed order:
     * the same run makes the same events.
     */
    private static final SortedMap<String, String> ARTICLES = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "card_not_arrived", "When your new card arrives",
            "dispute_transaction", "Disputing a card payment",
            "loan_repayment_question", "Repaying a loan early",
            "blocked_transfer", "Why a transfer is held",
            "fee_refund", "Overdraft fees and refunds")));
    /** Revised to version 2 during the demo's month; and the one withdrawn in its last days. */
    private static final List<String> REVISED = List.of("blocked_transfer", "dispute_transaction");
    private static final String WITHDRAWN = "fee_refund";

    private final CommandGateway commands;
    private final Clock clock;
    /** When the revisions took effect: set by {@link #publishArticles}. */
    private Instant revisedFrom;

    public DemoDataGenerator(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Creates the journeys of {@code customers} customers; returns the first customer's id. */
    public CustomerId generate(int customers) {
        Random random = new Random(20261123L);
        Instant now = clock.instant();
        if (customers > 0) {
            publishArticles(now);
        }
        for (int c = 1; c <= customers; c++) {
            CustomerId customer = new CustomerId(String.format("demo-customer-%03d", c));
            Instant t = now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
            int journeys = 1 + random.nextInt(3);
            for (int j = 0; j < journeys; j++) {
                String prefix = customer.value() + "-s" + j;
                String[] need = NEEDS.get(random.nextInt(NEEDS.size()));
                Journey journey = new Journey(customer, prefix, need, t, random);
                switch ((c + j) % 5) {
                    case 0 -> journey.containedByBot();
                    case 1 -> journey.handedToAgent();
                    case 2 -> journey.abandonedThenContinuedByPhone();
                    case 3 -> journey.branchVisitWithWarmTransfer();
                    default -> journey.wechatTimedOut();
                }
                t = t.plus(Duration.ofHours(6 + random.nextInt(24 * 5)));
            }
            if (c % 4 == 1) {
                complain(customer, new SessionId(customer.value() + "-s0a"), c / 4, t.minus(Duration.ofDays(3)));
            }
        }
        return new CustomerId("demo-customer-001");
    }

    /** The knowledge base's articles: published 60 days ago, two revised 15 days ago, one withdrawn 5 days ago. */
    private void publishArticles(Instant now) {
        Instant published = now.minus(Duration.ofDays(60));
        revisedFrom = now.minus(Duration.ofDays(15));
        Instant withdrawnFrom = now.minus(Duration.ofDays(5));
        ARTICLES.forEach((need, title) -> asKnowledgeBase(new PublishKnowledgeArticle(
                article(need), new ArticleVersion(1, title, "retail-banking", "en", published), published)));
        REVISED.forEach(need -> asKnowledgeBase(new ReviseKnowledgeArticle(article(need),
                null, new ArticleVersion(2, ARTICLES.get(need) + " (updated)", "retail-banking", "en", revisedFrom),
                revisedFrom)));
        asKnowledgeBase(new WithdrawKnowledgeArticle(article(WITHDRAWN), null, "replaced by the fees page",
                withdrawnFrom, withdrawnFrom));
    }

    private void asKnowledgeBase(Object command) {
        send(command, "demo-knowledge-base", AccessRole.SYSTEM.name(), "demo-knowledge-base");
    }

    /** Sends a command as a caller of the API would: with its actor, role and business flow. */
    private void send(Object command, String actor, String actorRole, String correlation) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetadata.ACTOR_ID, actor,
                LedgerMetadata.ACTOR_ROLE, actorRole,
                LedgerMetadata.CHANNEL, LedgerMetadata.CHANNEL_API,
                LedgerMetadata.CORRELATION_ID, correlation)));
    }

    private static ArticleId article(String need) {
        return new ArticleId("kb-demo-" + need.replace('_', '-'));
    }

    /**
     * A complaint about the customer's first session, under one of the three jurisdictions in turn: a UK one
     * upheld with a refund, a US one in progress after a holding reply, a Chinese one from WeChat left open (the
     * clock watcher records whatever deadline has passed since).
     */
    private void complain(CustomerId customer, SessionId session, int index, Instant at) {
        ComplaintId complaint = new ComplaintId("demo-complaint-" + customer.value().substring("demo-customer-".length()));
        Journey clock = new Journey(customer, customer.value() + "-complaint", NEEDS.get(0), at, new Random(index));
        switch (index % 3) {
            case 0 -> {
                clock.send(new LodgeComplaint(complaint, customer, List.of(session), Channel.WEB_CHAT, "credit_card",
                        null, "fees", "duplicate_charge", "Charged twice for one purchase",
                        new Money(new BigDecimal("49.90"), "GBP"), Jurisdiction.UK_FCA, ServiceRegime.GENERAL, at));
                clock.send(new AcknowledgeComplaint(complaint, null, clock.next()));
                clock.send(new ResolveComplaint(complaint, null, ComplaintOutcome.UPHELD,
                        new Redress(new Money(new BigDecimal("49.90"), "GBP"), null), "Duplicate charge refunded",
                        false, clock.next().plus(Duration.ofDays(2))));
            }
            case 1 -> {
                clock.send(new LodgeComplaint(complaint, customer, List.of(session), Channel.PHONE, "mortgage", null,
                        "escrow", null, "Escrow payment applied to the wrong month", null, Jurisdiction.US_CFPB,
                        ServiceRegime.GENERAL, at));
                clock.send(new AcknowledgeComplaint(complaint, null, clock.next()));
                clock.send(new SendHoldingResponse(complaint, null, "We are reviewing the escrow account",
                        clock.next().plus(Duration.ofDays(1))));
            }
            default -> {
                clock.send(new LodgeComplaint(complaint, customer, List.of(session), Channel.SOCIAL, "debit_card",
                        null, "blocked_transfer", null, "转账被拦截，三天未处理", null, Jurisdiction.CN_NFRA,
                        ServiceRegime.GENERAL, at));
                clock.send(new AcknowledgeComplaint(complaint, null, clock.next()));
            }
        }
    }

    /** One customer journey, advancing its own clock by plausible gaps between steps. */
    private final class Journey {
        private final CustomerId customer;
        private final String prefix;
        private final String intent;
        private final String opening;
        private final String product;
        private final Random random;
        private Instant at;
        private int messages;

        Journey(CustomerId customer, String prefix, String[] need, Instant start, Random random) {
            this.customer = customer;
            this.prefix = prefix;
            this.intent = need[0];
            this.opening = need[1];
            this.product = need[2];
            this.at = start;
            this.random = random;
        }

        void containedByBot() {
            SessionId s = start("a", Channel.MOBILE_APP, null, "app-help-button", null);
            customerSays(s, opening);
            classify(s);
            botAnswers(s, "I can help with that. I have sent the steps to your inbox.");
            customerSays(s, "Perfect, thanks!");
            send(new ResolveSession(s, null, "ANSWERED_BY_BOT", true, next()));
            closeWithSurvey(s, 5, 9, "Quick and easy.");
        }

        void handedToAgent() {
            SessionId s = start("a", Channel.WEB_CHAT, null, "website-chat-widget", null);
            customerSays(s, opening);
            classify(s);
            send(new RecordSentiment(s, null, null, -0.4, SENTIMENT, next()));
            MessageId answer = botAnswers(s, "This usually sorts itself out within three working days.");
            send(new RequestHandoff(s, null, "payments", "needs account access",
                    "Customer reports: " + opening + " Identity verified in chat.", next()));
            send(new AssignAgent(s, null, new AgentId("agent-17"), next()));
            MessageId reply = say(s, ParticipantRole.AGENT, "agent-17",
                    "Hello, I can see the details. Let me check this for you.");
            if (random.nextInt(2) == 0) {
                // the agent finds the bot's answer was wrong, and marks it so
                send(new CorrectBotAnswer(s, null, answer, null, reply, "incomplete", next(),
                        Caller.person("agent-17", AccessRole.AGENT)), "agent-17", AccessRole.AGENT.name());
            }
            customerSays(s, "Thank you.");
            send(new ResolveSession(s, null, "FIXED_BY_AGENT", true, next()));
            closeWithSurvey(s, 4, 8, null);
        }

        void abandonedThenContinuedByPhone() {
            SessionId chat = start("a", Channel.WEB_CHAT, null, "website-chat-widget", null);
            customerSays(chat, opening);
            classify(chat);
            send(new AbandonSession(chat, null, AbandonReason.BY_CUSTOMER, next()));
            at = at.plus(Duration.ofMinutes(20));
            SessionId call = start("b", Channel.PHONE, "cards",
                    "ivr-main-menu", new Continuation(chat, "Started on web chat about: " + intent));
            send(new AssignAgent(call, null, new AgentId("agent-4"), next()));
            say(call, ParticipantRole.AGENT, "agent-4", "I see you chatted with us earlier, let me pick that up.");
            customerSays(call, "Yes, the chat dropped.");
            send(new ResolveSession(call, null, "FIXED_BY_AGENT", false, next()));
            closeWithSurvey(call, 3, 6, "Had to call after the chat dropped.");
        }

        void branchVisitWithWarmTransfer() {
            SessionId s = start("a", Channel.BRANCH, "front-desk", "branch-kings-road", null);
            send(new AssignAgent(s, null, new AgentId("agent-2"), next()));
            customerSays(s, opening);
            send(new TransferSession(s, null, new AgentId("agent-9"), null, TransferMode.WARM, "specialist needed",
                    "Customer is waiting at desk 3; already identified.", next()));
            say(s, ParticipantRole.AGENT, "agent-9", "Hello, my colleague explained, let's sort it out.");
            send(new ResolveSession(s, null, "FIXED_BY_AGENT", true, next()));
            closeWithSurvey(s, 5, 10, null);
        }

        void wechatTimedOut() {
            SessionId s = startSocial();
            customerSays(s, "你好，我的转账被拦截了，怎么办？");
            send(new RecordIntent(s, null, null, "blocked_transfer", 0.88, CLASSIFIER, next()));
            botAnswers(s, "您好！请问转账金额是多少？");
            send(new AbandonSession(s, null, AbandonReason.BY_TIMEOUT, next()));
        }

        private SessionId start(String suffix, Channel channel, String queue, String entryPoint,
                                Continuation continuation) {
            SessionId id = new SessionId(prefix + suffix);
            send(new StartSession(id, customer, channel, null, entryPoint, "en", queue, continuation, next()));
            return id;
        }

        private SessionId startSocial() {
            SessionId id = new SessionId(prefix + "a");
            send(new StartSession(id, customer, Channel.SOCIAL, SocialNetwork.WECHAT, "wechat-official-account",
                    "zh-CN", null, null, next()));
            return id;
        }

        private void customerSays(SessionId s, String text) {
            say(s, ParticipantRole.CUSTOMER, null, text);
        }

        /**
         * A message sent as its author's caller would send it: the customer's through a gateway of every channel,
         * the bot's as a bot, an agent's with the agent's own identity (the ledger records the caller as author).
         */
        private MessageId say(SessionId s, ParticipantRole role, String author, String text) {
            return say(s, role, author, text, null);
        }

        /**
         * The bot answers with its basis: the model of the time (a new version from 15 days before now), the
         * article of the customer's need if there is one (a third of the answers given after a revision still quote
         * the version before), a confidence between 0.45 and 0.98.
         */
        private MessageId botAnswers(SessionId s, String text) {
            Instant when = at.plusSeconds(1);
            boolean newModel = revisedFrom != null && !when.isBefore(revisedFrom);
            List<ArticleRef> articles = List.of();
            if (ARTICLES.containsKey(intent)) {
                boolean revised = REVISED.contains(intent) && newModel;
                int version = revised && random.nextInt(3) > 0 ? 2 : 1;
                articles = List.of(new ArticleRef(article(intent), version, ARTICLES.get(intent),
                        (60 + random.nextInt(40)) / 100.0));
            }
            AnswerBasis basis = new AnswerBasis(new ModelRef("eva-llm", newModel ? "2026.11" : "2026.10"),
                    "eva-answers-3", articles, (45 + random.nextInt(54)) / 100.0, false, opening);
            return say(s, ParticipantRole.BOT, "eva-bot", text, basis);
        }

        private MessageId say(SessionId s, ParticipantRole role, String author, String text, AnswerBasis basis) {
            MessageId id = new MessageId(s.value() + "-m" + (++messages));
            Set<Channel> everyChannel = EnumSet.allOf(Channel.class);
            Caller caller = switch (role) {
                case CUSTOMER -> new Caller(DEMO_GATEWAY, AccessRole.SYSTEM, everyChannel, Set.of());
                case BOT -> new Caller(author, AccessRole.SYSTEM, Set.of(), everyChannel);
                case AGENT -> Caller.person(author, AccessRole.AGENT);
                case SUPERVISOR -> Caller.person(author, AccessRole.SUPERVISOR);
                case SYSTEM -> Caller.person(author, AccessRole.SYSTEM);
            };
            send(new RecordMessage(s, null, id, role, author, text, null, List.of(), next(), caller, basis),
                    caller.actorId(), caller.role().name());
            return id;
        }

        private void classify(SessionId s) {
            MessageId first = new MessageId(s.value() + "-m1");
            send(new RecordIntent(s, null, first, intent, (70 + random.nextInt(30)) / 100.0, CLASSIFIER, next()));
            // The product classifier labels it at the same moment (the journey's clock is not moved on).
            send(new IdentifyProduct(s, null, product, null, 0.9,
                    Caller.person(PRODUCT_CLASSIFIER, AccessRole.SYSTEM), at), PRODUCT_CLASSIFIER,
                    ParticipantRole.SYSTEM.name());
        }

        private void closeWithSurvey(SessionId s, int csat, int nps, String comment) {
            send(new CloseSession(s, null, next()));
            if (random.nextInt(3) > 0) {
                send(new RecordSurveyResponse(s, null, csat, nps, comment, next()));
            }
        }

        private Instant next() {
            at = at.plusSeconds(15 + random.nextInt(120));
            return at;
        }

        private void send(Object command) {
            send(command, "demo-generator", ParticipantRole.SYSTEM.name());
        }

        private void send(Object command, String actor, String actorRole) {
            DemoDataGenerator.this.send(command, actor, actorRole, prefix);
        }
    }
}
