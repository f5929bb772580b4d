package io.netfilterflow.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions and answers in SQL (schema: {@code db/migration/.../V2__live_session.sql}), in statements H2 and
 * PostgreSQL both read. Times are the servers' clocks in milliseconds, so no SQL dialect's date arithmetic is
 * needed. Callers hold the transaction: a state is stored and announced in one.
 */
@Repository
class LiveStore {

    /** Most different answers a question's count names; the rest are counted under {@link #OTHER}. */
    static final int MAX_ANSWERS_LISTED = 20;
    static final String OTHER = "";

    private final JdbcClient jdbc;

    LiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session as stored. */
    record Session(String keyDigest, long seq, LiveState state, boolean ended) {
    }

    /** Stores a new session at state 1; false when the code is taken (the caller draws another). */
    boolean create(JoinCode code, String keyDigest, LiveState state, long now) {
        try {
            jdbc.sql("""
                    INSERT INTO live_session (code, key_digest, seq, scenario, hop, present, quiz, touched_ms)
                    VALUES (:code, :key, 1, :scenario, :hop, :present, :quiz, :now)""")
                    .param("code", code.value()).param("key", keyDigest).param("scenario", state.scenario())
                    .param("hop", state.hop()).param("present", state.present()).param("quiz", state.quiz())
                    .param("now", now).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    int openSessions() {
        return jdbc.sql("SELECT COUNT(*) FROM live_session WHERE NOT ended").query(Integer.class).single();
    }

    Optional<Session> find(JoinCode code) {
        return select(code, "");
    }

    /** The session, its row locked until the transaction ends: states are numbered in the order they are stored. */
    Optional<Session> lock(JoinCode code) {
        return select(code, " FOR UPDATE");
    }

    private Optional<Session> select(JoinCode code, String lock) {
        return jdbc.sql("SELECT key_digest, seq, scenario, hop, present, quiz, ended FROM live_session WHERE code = :code"
                        + lock).param("code", code.value())
                .query((row, n) -> new Session(row.getString(1), row.getLong(2),
                        new LiveState(row.getString(3), row.getInt(4), row.getBoolean(5), row.getBoolean(6)),
                        row.getBoolean(7)))
                .optional();
    }

    void update(JoinCode code, long seq, LiveState state, long now) {
        jdbc.sql("""
                UPDATE live_session SET seq = :seq, scenario = :scenario, hop = :hop, present = :present, quiz = :quiz,
                touched_ms = :now WHERE code = :code""")
                .param("seq", seq).param("scenario", state.scenario()).param("hop", state.hop())
                .param("present", state.present()).param("quiz", state.quiz()).param("now", now)
                .param("code", code.value()).update();
    }

    /** Ends the session; false when it had ended already (so only one server announces it). */
    boolean end(JoinCode code, long now) {
        return jdbc.sql("UPDATE live_session SET ended = TRUE, touched_ms = :now WHERE code = :code AND NOT ended")
                .param("now", now).param("code", code.value()).update() == 1;
    }

    /** Open sessions nobody has moved since {@code before}. */
    List<JoinCode> idleSince(long before) {
        return jdbc.sql("SELECT code FROM live_session WHERE NOT ended AND touched_ms < :before")
                .param("before", before).query(String.class).list().stream().map(JoinCode::new).toList();
    }

    /** Deletes sessions that ended before {@code before}, and their answers. */
    int purge(long before) {
        return jdbc.sql("DELETE FROM live_session WHERE ended AND touched_ms < :before").param("before", before)
                .update();
    }

    int answerCount(JoinCode code) {
        return jdbc.sql("SELECT COUNT(*) FROM live_answer WHERE code = :code").param("code", code.value())
                .query(Integer.class).single();
    }

    /** A voter's answer to a question; a second answer from the same voter replaces the first. */
    void answer(JoinCode code, int question, String voter, String answer) {
        int changed = jdbc.sql("""
                UPDATE live_answer SET answer = :answer WHERE code = :code AND question = :question AND voter = :voter""")
                .param("answer", answer).param("code", code.value()).param("question", question)
                .param("voter", voter).update();
        if (changed == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO live_answer (code, question, voter, answer)
                        VALUES (:code, :question, :voter, :answer)""")
                        .param("code", code.value()).param("question", question).param("voter", voter)
                        .param("answer", answer).update();
            } catch (DuplicateKeyException sameVoterAtOnce) {
                answer(code, question, voter, answer);
            }
        }
    }

    /** The question's answers, most chosen first; past {@link #MAX_ANSWERS_LISTED}, the rest under {@link #OTHER}. */
    Map<String, Integer> answers(JoinCode code, int question) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT answer, COUNT(*) AS voters FROM live_answer WHERE code = :code AND question = :question
                GROUP BY answer ORDER BY voters DESC, answer""")
                .param("code", code.value()).param("question", question)
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2))).list()
                .forEach(entry -> counted.merge(counted.size() < MAX_ANSWERS_LISTED ? entry.getKey() : OTHER,
                        entry.getValue(), Integer::sum));
        return counted;
    }
}
