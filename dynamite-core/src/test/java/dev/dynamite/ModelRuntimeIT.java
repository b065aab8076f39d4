package dev.dynamite;

/** The model runtime against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
class ModelRuntimeIT extends ModelRuntimeContract {
    ModelRuntimeIT() {
        super(Server.dynalite());
    }
}
