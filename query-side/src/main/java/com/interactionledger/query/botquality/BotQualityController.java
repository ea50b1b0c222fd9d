package com.interactionledger.query.botquality;

import com.interactionledger.contracts.botquality.BotQualityDimension;
import com.interactionledger.contracts.botquality.BotQualityReport;
import com.interactionledger.contracts.botquality.FindBotQuality;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.projections.botquality.BotQualityProjection;
import com.interactionledger.query.web.FigureWindows;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bot's quality for analysts and supervisors (docs/BOT-ANSWERS.md): its answers and how they turned out,
 * calibration, the articles most often corrected, coverage gaps and stale quotes. Aggregates only: no customer, no
 * text.
 */
@RestController
@RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
@ReadModel(BotQualityProjection.PROCESSING_GROUP)
class BotQualityController {

    private final QueryGateway queries;
    private final FigureWindows windows;

    BotQualityController(QueryGateway queries, FigureWindows windows) {
        this.queries = queries;
        this.windows = windows;
    }

    /**
     * @param from         answers given at or after (ISO instant); the window is at most {@link FigureWindows} long
     * @param to           answers given before (ISO instant)
     * @param modelVersion the model version, as the bot reported it
     * @param groupBy      INTENT, ARTICLE, MODEL, CHANNEL or PERIOD (month)
     */
    @GetMapping("/analytics/bot-quality")
    BotQualityReport botQuality(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String channel,
                                @RequestParam(required = false) String intent,
                                @RequestParam(required = false) String modelVersion,
                                @RequestParam(required = false) String groupBy) {
        QueryParameters.Window window = windows.of(from, to);
        return queries.query(new FindBotQuality(window.from(), window.to(),
                        QueryParameters.enumeration("channel", channel, Channel.class), intent, modelVersion,
                        QueryParameters.enumeration("groupBy", groupBy, BotQualityDimension.class)),
                ResponseTypes.instanceOf(BotQualityReport.class)).join();
    }
}
