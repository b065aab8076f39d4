package dev.dynamite;

/** Queries against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
class QueryIT extends QueryContract {
    QueryIT() {
        super(Server.dynalite());
    }
}
