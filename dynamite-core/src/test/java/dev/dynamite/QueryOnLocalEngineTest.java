package dev.dynamite;

/** Queries on the embedded engine, in process. */
class QueryOnLocalEngineTest extends QueryContract {
    QueryOnLocalEngineTest() {
        super(Server.embedded());
    }
}
