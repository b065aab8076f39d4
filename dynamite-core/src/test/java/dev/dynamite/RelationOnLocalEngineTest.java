package dev.dynamite;

/** Includes on the embedded engine, in process. */
class RelationOnLocalEngineTest extends RelationContract {
    RelationOnLocalEngineTest() {
        super(Server.embedded());
    }
}
