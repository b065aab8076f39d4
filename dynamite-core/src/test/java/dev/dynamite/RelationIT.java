package dev.dynamite;

/** Includes against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
class RelationIT extends RelationContract {
    RelationIT() {
        super(Server.dynalite());
    }
}
