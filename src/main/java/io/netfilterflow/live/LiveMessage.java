package io.netfilterflow.live;

import java.util.Map;

/**
 * What one server tells all (itself too) about a session, through the bus: small enough for a PostgreSQL
 * notification (under its 8,000 bytes) and whole, so nobody has to read the database to pass it on.
 *
 * @param code the session
 * @param kind what happened
 * @param seq the state's number ({@link Kind#STATE}): states are numbered 1, 2, … in the order they were stored
 * @param state the presenter's state ({@link Kind#STATE})
 * @param server the server counting ({@link Kind#FOLLOWERS})
 * @param followers how many students follow on that server ({@link Kind#FOLLOWERS})
 * @param question the question answered ({@link Kind#ANSWERS}), the hop it is asked before, counted from 0
 * @param answers the class's answers to it: answer → voters ({@link Kind#ANSWERS})
 */
record LiveMessage(String code, Kind kind, long seq, LiveState state, String server, int followers,
                   int question, Map<String, Integer> answers) {

    enum Kind {
        /** The presenter moved: every stream gets the new state. */
        STATE,
        /** A server's count of students: the presenter's server adds up all servers' counts. */
        FOLLOWERS,
        /** A presenter's stream opened: every server says its count again. */
        CENSUS,
        /** A student answered: the question's answers so far, for the presenter. */
        ANSWERS,
        /** The session ended: streams say so and close. */
        ENDED
    }

    static LiveMessage state(JoinCode code, long seq, LiveState state) {
        return new LiveMessage(code.value(), Kind.STATE, seq, state, null, 0, 0, null);
    }

    static LiveMessage followers(JoinCode code, String server, int followers) {
        return new LiveMessage(code.value(), Kind.FOLLOWERS, 0, null, server, followers, 0, null);
    }

    static LiveMessage census(JoinCode code) {
        return new LiveMessage(code.value(), Kind.CENSUS, 0, null, null, 0, 0, null);
    }

    static LiveMessage answers(JoinCode code, int question, Map<String, Integer> answers) {
        return new LiveMessage(code.value(), Kind.ANSWERS, 0, null, null, 0, question, answers);
    }

    static LiveMessage ended(JoinCode code) {
        return new LiveMessage(code.value(), Kind.ENDED, 0, null, null, 0, 0, null);
    }

    JoinCode joinCode() {
        return new JoinCode(code);
    }
}
