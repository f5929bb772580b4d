package io.netfilterflow.live;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netfilterflow.share.ShareId;

/**
 * Where the presenter is, in words no language owns, so each student's page says it in its own: the stored
 * scenario (a share's id), the hop shown (counted from 1; 0 before the first) and the modes. Fields a later
 * page adds are ignored by this one, so pages of two versions can share a session.
 *
 * @param scenario the share id of the scenario being walked through
 * @param hop the hop on the presenter's screen, counted from 1, or 0 when none is shown yet
 * @param present presenter mode (big type, the diagram alone)
 * @param quiz quiz mode: students answer before the hops worth a question
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveState(String scenario, int hop, boolean present, boolean quiz) {

    /** More hops than any scenario within the server's budgets has. */
    static final int MAX_HOP = 1_000_000;

    /** A state as a page sends it; a mode it leaves out is off, a hop it leaves out is none. */
    @JsonCreator
    static LiveState of(@JsonProperty("scenario") String scenario, @JsonProperty("hop") Integer hop,
                        @JsonProperty("present") Boolean present, @JsonProperty("quiz") Boolean quiz) {
        return new LiveState(scenario, hop == null ? 0 : hop, Boolean.TRUE.equals(present), Boolean.TRUE.equals(quiz));
    }

    /** Whether the fields are within their forms; a state that is not is refused, not stored. */
    boolean valid() {
        return ShareId.parse(scenario).isPresent() && hop >= 0 && hop <= MAX_HOP;
    }
}
