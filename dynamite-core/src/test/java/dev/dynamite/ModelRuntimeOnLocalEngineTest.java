package dev.dynamite;

/** The model runtime on the embedded engine, in process. */
class ModelRuntimeOnLocalEngineTest extends ModelRuntimeContract {
    ModelRuntimeOnLocalEngineTest() {
        super(Server.embedded());
    }
}
