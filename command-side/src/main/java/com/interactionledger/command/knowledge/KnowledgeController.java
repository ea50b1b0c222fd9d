package com.interactionledger.command.knowledge;

import com.interactionledger.command.web.AggregateCommandController;
import com.interactionledger.command.web.CommandContext;
import com.interactionledger.command.web.CommandDispatcher;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.ledger.append.CommandOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge-base system tells the ledger of its articles' versions, so that the ledger can say which version a
 * bot's answer quoted and whether it was in force then. Machine callers only: the knowledge-base system's identity,
 * configured with these endpoints in {@code ledger.machines.<id>.records}.
 */
@RestController
@RolesAllowed(Names.SYSTEM)
@RequestMapping(path = "/knowledge-articles", consumes = MediaType.APPLICATION_JSON_VALUE)
class KnowledgeController extends AggregateCommandController {

    KnowledgeController(CommandDispatcher dispatcher) {
        super(dispatcher, "knowledge article", ErrorCode.ARTICLE_NOT_FOUND, ErrorCode.ARTICLE_ALREADY_EXISTS);
    }

    @PostMapping
    ResponseEntity<CommandOutcome> publish(@Valid @RequestBody KnowledgeRequests.PublishRequest body,
                                           CommandContext context) {
        return dispatcher.create(context, body, body::toCommand);
    }

    @PostMapping("/{articleId}/revisions")
    ResponseEntity<CommandOutcome> revise(@PathVariable String articleId,
                                          @Valid @RequestBody KnowledgeRequests.ReviseRequest body,
                                          CommandContext context) {
        return dispatcher.change(context, body, new ArticleId(articleId), body::toCommand);
    }

    @PostMapping("/{articleId}/withdrawal")
    ResponseEntity<CommandOutcome> withdraw(@PathVariable String articleId,
                                            @Valid @RequestBody KnowledgeRequests.WithdrawRequest body,
                                            CommandContext context) {
        return dispatcher.change(context, body, new ArticleId(articleId), body::toCommand);
    }
}
