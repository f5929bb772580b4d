package io.netfilterflow.share;

import java.util.Optional;

/**
 * Where shared scenarios live. Entries are immutable: there is no update and no delete, and no way
 * to list them. The embedded {@link JdbcShareStore} serves one server; several servers behind a load
 * balancer need one store they all reach (the same JDBC store on a shared database, say).
 */
public interface ShareStore {

    /** Stores the scenario text and returns its id; the same text always gets the same id. */
    ShareId save(String scenario);

    /** The scenario text stored under this id, exactly as it was saved. */
    Optional<String> find(ShareId id);
}
