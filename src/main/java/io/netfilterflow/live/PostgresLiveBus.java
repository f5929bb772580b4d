package io.netfilterflow.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several servers on one PostgreSQL: a message is a {@code NOTIFY} on the channel {@value #CHANNEL}, sent in the
 * sender's transaction (PostgreSQL delivers it at commit, in commit order), and every server {@code LISTEN}s on a
 * connection of its own. When that connection breaks, the server connects again and reads the sessions it follows
 * afresh, so a lost notification costs a student nothing but a moment.
 */
final class PostgresLiveBus implements LiveBus, AutoCloseable {

    static final String CHANNEL = "netfilter_flow_live";
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);
    private static final int WAIT_MS = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile boolean running = true;
    private Thread thread;

    PostgresLiveBus(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void publish(LiveMessage message) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
                .param("payload", json.writeValueAsString(message)).query().listOfRows();
    }

    @Override
    public synchronized void subscribe(Listener listener) {
        thread = new Thread(() -> listen(listener), "live-listen");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen(Listener listener) {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listener.resync();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        deliver(listener, notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("live sessions: lost the PostgreSQL connection that listens, connecting again: {}",
                            e.toString());
                    pause();
                }
            }
        }
    }

    private void deliver(Listener listener, String payload) {
        try {
            listener.deliver(json.readValue(payload, LiveMessage.class));
        } catch (RuntimeException e) { // one bad message (a newer server's kind, say) must not stop the others
            log.warn("live sessions: a notification not understood: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * WAIT_MS + 1000);
        }
    }
}
